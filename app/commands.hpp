#pragma once
// The subcommands of `stosim`, one file each (app/cmd_*.cpp). Each adds its options to the
// command line and returns the action to take when it is the one given.
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "run/scenario.hpp"

namespace stosim::app {

inline constexpr int exit_invalid_input = 2;
inline constexpr int exit_validation_failed = 3;

struct Command {
  CLI::App* subcommand = nullptr;
  std::function<int()> action;
};

Command add_run_command(CLI::App& app);
Command add_describe_command(CLI::App& app);
Command add_export_command(CLI::App& app);
Command add_compare_command(CLI::App& app);
Command add_report_command(CLI::App& app);
Command add_docs_command(CLI::App& app);
Command add_import_command(CLI::App& app);
Command add_validate_command(CLI::App& app);
Command add_indicators_command(CLI::App& app);
Command add_sweep_command(CLI::App& app);
Command add_merge_command(CLI::App& app);
Command add_observed_command(CLI::App& app);
Command add_sensitivity_command(CLI::App& app);
Command add_attribute_command(CLI::App& app);
Command add_calibrate_command(CLI::App& app);

// For an option the command line does not know, the nearest one it does ("--replicate" ->
// "--replicates"), or empty.
std::string nearest_option(const CLI::App& command, const std::string& unknown);
// Prints "did you mean ...?" for each unknown long option in argv (after a parse error).
void suggest_options(const CLI::App& app, int argc, char** argv);

// Help of --target in the experiment commands.
inline constexpr const char* target_help =
    "Output: indicator,level,unit,category,year (e.g. technical_share_year3,national,,BB,2030), repeatable";

// "--set KEY=VALUE" arguments as scenario overrides; throws ScenarioError when malformed.
std::vector<Override> parse_overrides(const std::vector<std::string>& sets);

}  // namespace stosim::app
