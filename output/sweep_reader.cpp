#include "output/sweep_reader.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <vector>

#include "output/run_reader.hpp"
#include "sim/data_error.hpp"

namespace stosim {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == separator) parts.emplace_back();
    else parts.back() += c;
  }
  return parts;
}

h5::Handle open_result_file(const std::string& path) {
  try {
    return h5::open_file(path);
  } catch (const std::runtime_error& e) {
    if (std::string_view(e.what()).find("damaged") != std::string_view::npos) throw DataError(e.what());  // the seal
    throw DataError(path + ": not an HDF5 file, or a damaged one (results are made by `stosim run` or `stosim sweep`)");
  }
}

struct SweepTables {
  bool sweep = true;  // a run file has no run dimension
  hsize_t runs = 0, replicates = 0, years = 0;
  hsize_t units[3] = {0, 0, 1};  // location, region, national
};

hsize_t units_of(const SweepTables& t, const std::string& level) {
  return level == "location" ? t.units[0] : level == "region" ? t.units[1] : level == "national" ? t.units[2] : 0;
}

// Shape [run, replicate, (year,) unit, categories...] against the tables, then the checksum.
void check_dataset(hid_t file, const std::string& path, const SweepTables& t, bool indicator) {
  const std::string where = "/" + path;
  const h5::Handle set(H5Dopen2(file, path.c_str(), H5P_DEFAULT), H5Dclose, "open " + where);
  const std::vector<std::string> dims = split(h5::read_string_attribute(set.id(), "dimensions"), ',');
  const std::vector<hsize_t> shape = h5::shape_of(file, path);
  const std::size_t fixed = (t.sweep ? 2 : 1) + (indicator ? 2 : 1);
  if (shape.size() < fixed || dims.size() != shape.size())
    throw DataError(fmt::format("{}: shape of rank {} does not match its dimensions '{}'", where, shape.size(),
                                fmt::join(dims, ",")));
  std::vector<hsize_t> expected = {t.replicates};
  if (t.sweep) expected.insert(expected.begin(), t.runs);
  if (indicator) expected.push_back(t.years);
  expected.push_back(units_of(t, dims[fixed - 1]));
  for (std::size_t d = 0; d < fixed; ++d)
    if (shape[d] != expected[d] || expected[d] == 0)
      throw DataError(fmt::format("{}: dimension {} ({}) has {}, which disagrees with the file's tables ({})",
                                  where, d, dims[d], shape[d], expected[d]));
  for (std::size_t d = fixed; d < shape.size(); ++d) {
    const std::string labels = "entities/categories/" + dims[d];
    if (dims[d].empty() || dims[d].find('/') != std::string::npos || !h5::exists(file, "entities/categories") ||
        !h5::exists(file, labels) || h5::read_strings(file, labels).size() != shape[d])
      throw DataError(fmt::format("{}: dimension '{}' has {} entries and no labels of that length", where,
                                  dims[d], shape[d]));
  }
  if (!h5::has_attribute(set.id(), "checksum")) throw DataError(where + ": no checksum");
  const auto stored = static_cast<std::uint64_t>(h5::read_int_attribute(set.id(), "checksum"));
  if (stored != dataset_checksum(set.id(), t.sweep ? 2 : 1))
    throw DataError(where + ": the values do not match their checksum: the file is damaged");
}

SweepTables read_tables(hid_t file) {
  SweepTables t;
  const h5::Handle meta = h5::open_group(file, "metadata");
  t.sweep = h5::read_string_attribute(meta.id(), "format") == "stosim-sweep";
  if (t.sweep) {
    t.runs = h5::read_strings(file, "design/scenario").size();
    if (static_cast<std::int64_t>(t.runs) != h5::read_int_attribute(meta.id(), "runs"))
      throw DataError("/design/scenario disagrees with /metadata/runs");
  }
  t.replicates = static_cast<hsize_t>(h5::read_int_attribute(meta.id(), "replicates"));
  t.years = h5::read_ints(file, "years").size();
  if (h5::exists(file, "entities")) {
    t.units[0] = h5::read_strings(file, "entities/locations/code").size();
    t.units[1] = h5::read_strings(file, "entities/regions/code").size();
  }
  return t;
}

}  // namespace

std::uint64_t dataset_checksum(hid_t dataset, std::size_t leading) {
  const h5::Handle space(H5Dget_space(dataset), H5Sclose, "get a dataspace");
  std::vector<hsize_t> shape(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space.id())));
  H5Sget_simple_extent_dims(space.id(), shape.data(), nullptr);
  if (shape.size() < leading) throw std::runtime_error("a dataset with fewer dimensions than expected");
  std::vector<hsize_t> block = shape;
  hsize_t blocks = 1, n = 1;
  for (std::size_t d = 0; d < leading; ++d) blocks *= shape[d], block[d] = 1;
  for (auto b : block) n *= b;
  std::vector<double> values(n);
  const h5::Handle memory(H5Screate_simple(static_cast<int>(block.size()), block.data(), nullptr), H5Sclose,
                          "make a dataspace");
  Checksum sum;
  for (hsize_t index = 0; index < blocks && n > 0; ++index) {
    std::vector<hsize_t> offset(shape.size(), 0);
    for (std::size_t d = leading, rest = index; d-- > 0;) {
      offset[d] = rest % shape[d];
      rest /= shape[d];
    }
    H5Sselect_hyperslab(space.id(), H5S_SELECT_SET, offset.data(), nullptr, block.data(), nullptr);
    if (H5Dread(dataset, H5T_NATIVE_DOUBLE, memory.id(), space.id(), H5P_DEFAULT, values.data()) < 0)
      throw std::runtime_error("HDF5: cannot read a block of a dataset");
    sum.add(values.data(), values.size());
  }
  return sum.value();
}

std::string result_file_format(const std::string& path) {
  const h5::Handle file = open_result_file(path);
  try {
    if (!h5::exists(file.id(), "metadata")) throw DataError(path + ": not a stosim result file (no /metadata)");
    const h5::Handle meta = h5::open_group(file.id(), "metadata");
    if (!h5::has_attribute(meta.id(), "format"))
      throw DataError(path + ": not a stosim result file (/metadata has no format)");
    return h5::read_string_attribute(meta.id(), "format");
  } catch (const DataError&) {
    throw;
  } catch (const std::runtime_error& e) {
    throw DataError(fmt::format("{}: {}: the file is damaged", path, e.what()));
  }
}

void check_result_file(const std::string& path) {
  const h5::Handle file = open_result_file(path);
  try {
    const SweepTables tables = read_tables(file.id());
    if (h5::exists(file.id(), "summaries"))
      for (const auto& name : h5::members(h5::open_group(file.id(), "summaries").id()))
        check_dataset(file.id(), "summaries/" + name, tables, false);
    if (h5::exists(file.id(), "indicators"))
      for (const auto& level : h5::members(h5::open_group(file.id(), "indicators").id()))
        for (const auto& name : h5::members(h5::open_group(file.id(), "indicators/" + level).id()))
          check_dataset(file.id(), "indicators/" + level + "/" + name, tables, true);
  } catch (const DataError& e) {
    const std::string what = e.what();
    throw DataError(what.rfind(path, 0) == 0 ? what : path + ": " + what);
  } catch (const std::runtime_error& e) {
    throw DataError(fmt::format("{}: {}: the file is damaged", path, e.what()));
  }
}

std::vector<DesignColumn> read_design_columns(hid_t file, std::size_t runs) {
  std::vector<DesignColumn> out;
  const h5::Handle group = h5::open_group(file, "design/parameters");
  for (const std::string& key : h5::members(group.id())) {
    DesignColumn c{key, true, {}, {}};
    const h5::Handle set(H5Dopen2(group.id(), key.c_str(), H5P_DEFAULT), H5Dclose, "open " + key);
    const h5::Handle type(H5Dget_type(set.id()), H5Tclose, "get a type");
    if (H5Tget_class(type.id()) == H5T_STRING) {
      c.numeric = false;
      c.text = h5::read_strings(group.id(), key);
    } else {
      std::vector<hsize_t> shape;
      c.numbers = h5::read_doubles(group.id(), key, shape);
    }
    const std::size_t values = c.numeric ? c.numbers.size() : c.text.size();
    if (values != runs)
      throw DataError(fmt::format("/design/parameters/{}: {} values for {} runs", key, values, runs));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace stosim
