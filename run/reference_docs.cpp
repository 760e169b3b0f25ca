#include "run/reference_docs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

#include "models/channels.hpp"
#include "output/indicators.hpp"
#include "run/scenario.hpp"

namespace stosim {

namespace {

std::string number_text(double value) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

struct ParameterRow {
  std::string key, type, value, unit, range, description, source;
};

// Every key of a scenario with its declaration, in declaration order.
class ParameterLister {
 public:
  template <class T>
  void operator()(T& value, std::string_view name, const ParamInfo& info) {
    rows.push_back({key(name), type_name(value), show(value), std::string(info.unit), range(info),
                    std::string(info.description), std::string(info.source)});
  }
  template <class Section>
  void section(std::string_view name, Section& s) {
    const std::string saved = prefix_;
    prefix_ = key(name);
    s.visit(*this);
    prefix_ = saved;
  }
  std::vector<ParameterRow> rows;

 private:
  std::string key(std::string_view name) const {
    return prefix_.empty() ? std::string(name) : prefix_ + "." + std::string(name);
  }
  static std::string type_name(double) { return "number"; }
  static std::string type_name(int) { return "integer"; }
  static std::string type_name(std::uint64_t) { return "integer"; }
  static std::string type_name(bool) { return "boolean"; }
  static std::string type_name(const std::string&) { return "text"; }
  static std::string type_name(const std::vector<std::string>&) { return "list of text"; }
  static std::string type_name(const std::vector<double>&) { return "list of numbers"; }
  static std::string show(double v) { return number_text(v); }
  static std::string show(int v) { return std::to_string(v); }
  static std::string show(std::uint64_t v) { return std::to_string(v); }
  static std::string show(bool v) { return v ? "true" : "false"; }
  static std::string show(const std::string& v) { return v.empty() ? "(empty)" : v; }
  static std::string show(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return "[" + out + "]";
  }
  static std::string show(const std::vector<double>& v) {
    std::string out;
    for (double d : v) out += (out.empty() ? "" : ", ") + number_text(d);
    return "[" + out + "]";
  }
  static std::string range(const ParamInfo& info) {
    if (!info.choices.empty()) return std::string(info.choices);
    const bool lo = std::isfinite(info.min), hi = std::isfinite(info.max);
    if (lo && hi) return fmt::format("{} … {}", number_text(info.min), number_text(info.max));
    if (lo) return "≥ " + number_text(info.min);
    if (hi) return "≤ " + number_text(info.max);
    return "";
  }
  std::string prefix_;
};

std::vector<ParameterRow> parameter_rows() {
  Scenario defaults;
  ParameterLister lister;
  defaults.visit(lister);
  return lister.rows;
}

// Display width of UTF-8 text (the ranges use "…", "≥" and "≤").
std::size_t width(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Rows as aligned columns, each but the first at most `cap` wide (a longer cell pushes its
// row's next cells along); the last column is left ragged.
std::string aligned(const std::vector<std::vector<std::string>>& rows, std::size_t cap = 40) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows)
    for (std::size_t c = 0; c + 1 < row.size(); ++c) {
      if (widths.size() <= c) widths.push_back(0);
      widths[c] = std::max(widths[c], c == 0 ? width(row[c]) : std::min(cap, width(row[c])));
    }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    std::size_t target = 0;  // where column c starts
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) {
        target += widths[c - 1] + 2;
        const std::size_t at = width(line);
        line += std::string(at + 2 <= target ? target - at : 2, ' ');
      }
      line += row[c];
    }
    out += line;
    out += '\n';
  }
  return out;
}

std::string_view kind_text(Kind kind) {
  switch (kind) {
    case Kind::additive: return "additive";
    case Kind::ratio: return "ratio";
    case Kind::below: return "threshold";
    case Kind::composite: return "composite";
  }
  return "";
}

}  // namespace

std::string parameters_markdown() {
  std::string rows;
  for (const ParameterRow& r : parameter_rows())
    rows += fmt::format("| `{}` | {} | {} | {} | {} | {} | {} |\n", r.key, r.type, cell(r.value), cell(r.unit),
                        cell(r.range), cell(r.description), cell(r.source));
  return "# Parameters\n\n"
         "<!-- Generated by `stosim docs docs/` from the parameter declarations in the code; "
         "do not edit by hand. -->\n\n"
         "Every key a scenario file may set, with its default. Keys are written nested in YAML "
         "(`profile_choice:` then `beta_distance: -0.2`) or dotted on the command line "
         "(`--set profile_choice.beta_distance=-0.2`). Sources marked *assumption* are the "
         "modellers' stated choices, to be calibrated.\n\n"
         "| key | type | default | unit | allowed | meaning | source or assumption |\n"
         "|---|---|---|---|---|---|---|\n" +
         rows;
}

std::string parameters_text() {
  const std::vector<ParameterRow> rows = parameter_rows();
  std::vector<std::vector<std::string>> table = {{"KEY", "TYPE", "DEFAULT", "ALLOWED", "UNIT"}};
  for (const ParameterRow& r : rows)
    table.push_back({r.key, r.type, r.value, r.range.empty() ? "-" : r.range, r.unit.empty() ? "-" : r.unit});
  // Each key's line, then its meaning and source indented below it.
  std::string out;
  std::size_t line = 0, start = 0;
  const std::string text = aligned(table, 28);
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1, ++line) {
    out += text.substr(start, end - start + 1);
    if (line == 0) continue;
    const ParameterRow& r = rows[line - 1];
    out += "    " + r.description + (r.source.empty() ? "" : " Source: " + r.source) + "\n";
  }
  return out;
}

namespace {

struct IndicatorRow {
  std::string name, levels, categories, kind, unit, description;
};

std::vector<IndicatorRow> indicator_rows() {
  std::vector<IndicatorRow> out;
  for (const IndicatorSpec& s : indicator_specs()) {
    const BreakdownShape shape = breakdown_shape(s.breakdown);
    std::string dims;
    for (auto d : shape.dimension_names) dims += (dims.empty() ? "" : " × ") + std::string(d);
    std::string levels;
    for (int lv = static_cast<int>(s.finest); lv < n_levels; ++lv)
      levels += (levels.empty() ? "" : ", ") + std::string(level_name(static_cast<Level>(lv)));
    std::string derived;
    if (s.kind == Kind::ratio) derived = fmt::format(" = `{}` / `{}`", s.numerator, s.denominator);
    if (s.kind == Kind::below) derived = fmt::format(" from `{}`", s.numerator);
    if (s.kind == Kind::composite) derived = fmt::format(" of {}", s.numerator);
    out.push_back({std::string(s.name), levels, dims.empty() ? "—" : dims,
                   std::string(kind_text(s.kind)) + derived, std::string(s.unit), std::string(s.description)});
  }
  return out;
}

}  // namespace

std::string indicators_text() {
  std::vector<std::vector<std::string>> rows = {{"INDICATOR", "LEVELS", "CATEGORIES", "UNIT", "MEANING"}};
  for (const IndicatorRow& r : indicator_rows())
    rows.push_back({r.name, r.levels, r.categories == "—" ? "-" : r.categories, r.unit, r.description});
  return aligned(rows) +
         "\nIn a run file: /indicators/LEVEL/INDICATOR[replicate, year, unit, categories...]; in the CSV export: "
         "one row per value (docs/OUTPUT.md).\n";
}

std::string output_markdown() {
  std::string rows;
  for (const IndicatorRow& r : indicator_rows())
    rows += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", r.name, r.levels, r.categories, r.kind, r.unit,
                        cell(r.description));
  return R"(# Output

<!-- Generated by `stosim docs docs/` from output/indicators.cpp and run/run_file.cpp; do not
edit by hand. -->

## The run file (HDF5)

`stosim run SCENARIO -o RUN.h5` writes one HDF5 file per run (format version 2). Each finished
replicate waits, compressed, in `RUN.h5.journal` (a killed run continues with `--resume`); when
all are done the file is written to `.RUN.h5.tmp-PID` beside the target, read back and checked
in full, and only then renamed: a file under the final name is always whole
(docs/RELIABILITY.md). Its first 512 bytes, HDF5's user block, hold a seal: the line
`stosim sealed HDF5 file`, then `fnv1a64 HASH` and `bytes N`, the FNV-1a 64 hash and length of
everything after the user block. stosim checks the seal before it opens a file, so a damaged
file is refused rather than handed to HDF5; h5py, R's hdf5r and the HDF5 tools skip the user
block.

| path | content |
|---|---|
| `/metadata` (attributes) | `format` = `stosim-run`, `format_version`, `stosim_version`, `git_commit`, `scenario_name`, `scenario_description`, `scenario_yaml` (the resolved scenario: every key, after `extends` and command-line overrides), `seed` (unsigned 64-bit), `population` (`synthetic, scale S` or `file PATH`), `replicates`, `threads`, `start_year`, `end_year`, `wall_seconds`, `created_utc` |
| `/years` | int32 `[year]`: school years (2018 = 2017/18) |
| `/entities/regions/{code,name}` | one entry per region, in the order of the region dimension |
| `/entities/locations/{code,name,region,x_km,y_km,lat,lon}` | one entry per location; `region` indexes `/entities/regions`; `x_km`, `y_km` are the model's kilometres, `lat`, `lon` degrees on the map of the Netherlands (a synthetic country at another scale is stretched back onto it) |
| `/entities/profiles/{code,name,technical}` | the 10 profiles, in the order of the profile dimension; `technical` is 1 for technical profiles in this scenario |
| `/entities/leerwegen/code`, `/entities/sectors/code` | BB, KB, GL, TL; DUO exam sectors |
| `/entities/categories/DIMENSION` | the labels of every category dimension (profile, leerweg, sector, origin, mbo_level, age_band, partnership, envelope, hire_origin), in dataset order |
| `/indicators/LEVEL/NAME` | float64 `[replicate, year, unit, category…]`, LEVEL one of `location`, `region`, `national` (one unit, `NL`); attributes `dimensions` (comma-separated names), `unit`, `kind`, `description`, `checksum` (FNV-1a 64 of the little-endian float64 values, as int64) |

Undefined values are NaN: a ratio whose denominator is zero (a share of zero students), and the
cells an indicator declares undefined (`technical_share_year3` for TL, which has no profiles).

Reading it in Python:

```python
import h5py
f = h5py.File("results/baseline.h5", "r")
share = f["indicators/national/technical_share_year3"][:]   # [replicate, year, unit, leerweg]
years = f["years"][:]
print(dict(zip(years, share[0, :, 0, 0])))                     # BB, replicate 0
print(f["metadata"].attrs["scenario_yaml"])
```

## Effects and the report

`stosim compare SCENARIO.h5 COUNTERFACTUAL.h5` writes the paired effects of a scenario against a
counterfactual run of the same seed, replicates and years (common random numbers). By default it
writes every national indicator and category in the last year; `--all-years` writes every year
and `--level region` every region instead of the nation. Each row holds the two means, the mean
paired difference (effect) and its 95 % confidence interval (Student's t over replicates), as CSV
with the columns

    scenario,counterfactual,level,unit,indicator,category,year,scenario_mean,counterfactual_mean,effect,ci_low,ci_high,replicates

`category` joins an indicator's category labels with `/` (e.g. `PIE/BB`); `replicates` counts the
pairs in which both values are defined; where none is (e.g. `technical_share_year3` for TL) the
numbers are `NA`; with one replicate the interval is `NA`.

`stosim report RUN.h5 [RUN.h5 ...] [--against COUNTERFACTUAL.h5] -o REPORT.html` writes one
self-contained HTML page that opens offline (the charting library, Vega-Lite, is inlined from
`report/`, installed by `scripts/install-deps.sh`). It shows the runs' metadata and data sources;
with `--against`, a scorecard of each scenario's effect on the indicators each hypothesis pathway
H1–H9 should move (direction, effect and 95 % interval) and effects over the years; national
indicators over the years (mean over replicates and the range of the replicates; shares in %,
euros in € M); the STO triangle nationally and per region, scenario against counterfactual; maps
of the locations (technical offer, closures) and the regions (technical share, techniekarm); a
table of the regions; and the resolved scenarios. Several runs are shown side by side, e.g.
`stosim report cofinancing_0.h5 cofinancing_10.h5 cofinancing_20.h5 --against no_sto.h5`.

## CSV export

`stosim export RUN.h5 --csv DIR` writes `DIR/national.csv`, `DIR/region.csv` and
`DIR/location.csv`, tidy long tables with the columns

    scenario,replicate,year,level,unit,profile,leerweg,group,indicator,value

`unit` is `NL`, a region code or a location code. `profile` and `leerweg` hold the indicator's
profile and leerweg; `group` holds its other category, whichever the indicator has (its
*breakdown* in the table below): a DUO exam `sector` (`exam_candidates`, `exam_passed`), an mbo
`origin` (technical_profile, other_profile, tl), an `mbo_level` (1-4), a teacher `age_band`, a
`partnership` type, an STO `envelope` or a `hire_origin`. Each is `all` where an indicator has no
such breakdown; undefined values are `NA`. Every column keeps one type in every row, so
`pandas.read_csv` and R's `read.csv` read them without warnings. `--level`, `--indicator`,
`--year` and `--replicate` (each repeatable) keep only those rows; `--per-indicator` writes one
`LEVEL_INDICATOR.csv` per indicator with the columns `replicate,year,unit`, one column per
breakdown dimension of that indicator, and `value`. Sweep files (docs/EXPERIMENTS.md) add a
leading `run` column and `design.csv` and `summaries.csv`.

## Indicators

Each is reported at its finest level and every coarser one. Additive indicators add up from
locations to regions to the nation; ratios are recomputed at each level from their additive
parts; thresholds are evaluated at their finest level and counted above it.

| indicator | levels | breakdown | kind | unit | meaning |
|---|---|---|---|---|---|
)" + rows;
}

std::string odd_with_channel_table(const std::string& odd) {
  const std::string begin = "<!-- channels:begin -->\n", end = "<!-- channels:end -->";
  const std::size_t b = odd.find(begin), e = odd.find(end);
  if (b == std::string::npos || e == std::string::npos || e < b) return odd;
  return odd.substr(0, b + begin.size()) + channels_markdown() + odd.substr(e);
}

}  // namespace stosim
