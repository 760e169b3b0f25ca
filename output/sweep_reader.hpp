#pragma once
// Checks for the files `stosim sweep` writes (docs/EXPERIMENTS.md), the counterpart of
// output/run_reader.hpp for run files: every result dataset's shape is checked against the
// file's own tables (runs, replicates, years, units, category labels) and its values against
// the checksum stored with it, block by block so that memory stays one replicate's results.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/hdf5_file.hpp"

namespace stosim {

// The checksum of a dataset's values in file order (output/run_reader.hpp's Checksum), read one
// block of its first `leading` dimensions at a time.
std::uint64_t dataset_checksum(hid_t dataset, std::size_t leading);

// Opens a sweep or run file and checks every dataset under summaries/ and indicators/, one
// block at a time; throws DataError naming the file and the dataset that is wrong. (RunFile of
// output/run_reader.hpp checks a run file too, but holds a whole indicator at once.)
void check_result_file(const std::string& path);

// "stosim-run", "stosim-sweep" or whatever /metadata/format holds; throws DataError when the
// file is not HDF5 or has no format.
std::string result_file_format(const std::string& path);

// One key a sweep's design varied (/design/parameters/KEY): its value in every run, as numbers
// where all are numbers, else as text.
struct DesignColumn {
  std::string key;
  bool numeric = true;
  std::vector<double> numbers;
  std::vector<std::string> text;
};
// Every varied key of an open sweep file; throws DataError when a column does not hold `runs` values.
std::vector<DesignColumn> read_design_columns(hid_t file, std::size_t runs);

}  // namespace stosim
