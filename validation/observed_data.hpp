#pragma once
// Builds the observed moments of validation/observed/ (docs/CALIBRATION.md) from the
// publishers' files in a data directory (../shared/data): DUO's exam series 2014/15-2018/19, DUO's
// students of 1 October 2019, and the national figures before 2019/20. Each figure is mapped to
// the model indicator that measures the same thing, with a standard error that says how closely
// the model can be asked to match it.
#include <string>
#include <utility>
#include <vector>

namespace stosim {

// (file name, CSV text) for national.csv, leerweg.csv and region.csv. Regions are those of
// `stosim import` with its defaults (k-means, seed 2019), the regions of scenario nl_2019.
std::vector<std::pair<std::string, std::string>> build_observed(const std::string& data_dir);

// `stosim observed`: writes them into output_dir (atomically, each file); returns the exit code.
int observed_command(const std::string& data_dir, const std::string& output_dir, bool quiet);

}  // namespace stosim
