// `stosim merge`: shards of one sweep (--shard I/N) joined into one file.
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <stdexcept>

#include "experiments/result_file.hpp"
#include "output/sweep_reader.hpp"
#include "sim/atomic_write.hpp"
#include "sim/data_error.hpp"
#include "sim/hdf5_file.hpp"

namespace stosim {

namespace {

struct Shard {
  std::string path;
  h5::Handle file;
  std::vector<std::int32_t> complete;
};

Shard open_shard(const std::string& path) {
  check_result_file(path);
  Shard s{path, h5::open_file(path), {}};
  if (!h5::exists(s.file.id(), "metadata") ||
      h5::read_string_attribute(h5::open_group(s.file.id(), "metadata").id(), "format") != "stosim-sweep")
    throw DataError(path + ": not a stosim sweep file");
  s.complete = h5::read_ints(s.file.id(), "design/complete");
  return s;
}

std::string fingerprint(const Shard& s) {
  return h5::read_string_attribute(h5::open_group(s.file.id(), "metadata").id(), "fingerprint");
}

// Every dataset under summaries/ and indicators/LEVEL/, as paths.
std::vector<std::string> result_datasets(hid_t file) {
  std::vector<std::string> out;
  if (h5::exists(file, "summaries"))
    for (const auto& name : h5::members(h5::open_group(file, "summaries").id())) out.push_back("summaries/" + name);
  if (h5::exists(file, "indicators"))
    for (const auto& level : h5::members(h5::open_group(file, "indicators").id()))
      for (const auto& name : h5::members(h5::open_group(file, "indicators/" + level).id()))
        out.push_back("indicators/" + level + "/" + name);
  return out;
}

// Copies run `run` of dataset `path` from one file to another: chunks as stored (no
// recompression) where a chunk is one replicate, rows otherwise.
void copy_run(hid_t from, hid_t to, const std::string& path, hsize_t run) {
  const h5::Handle in(H5Dopen2(from, path.c_str(), H5P_DEFAULT), H5Dclose, "open " + path);
  const h5::Handle out(H5Dopen2(to, path.c_str(), H5P_DEFAULT), H5Dclose, "open " + path);
  const h5::Handle space(H5Dget_space(in.id()), H5Sclose, "get a dataspace");
  std::vector<hsize_t> shape(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space.id())));
  H5Sget_simple_extent_dims(space.id(), shape.data(), nullptr);
  const h5::Handle plist(H5Dget_create_plist(in.id()), H5Pclose, "get dataset properties");
  std::vector<hsize_t> chunk(shape.size());
  H5Pget_chunk(plist.id(), static_cast<int>(chunk.size()), chunk.data());
  if (chunk[0] == 1) {
    std::vector<char> buffer;
    for (hsize_t k = 0; k < shape[1]; ++k) {
      std::vector<hsize_t> offset(shape.size(), 0);
      offset[0] = run, offset[1] = k;
      hsize_t size = 0;
      if (H5Dget_chunk_storage_size(in.id(), offset.data(), &size) < 0 || size == 0)
        throw DataError(fmt::format("{}: run {} replicate {} is marked complete but has no data", path, run, k));
      buffer.resize(size);
      std::uint32_t filters = 0;
      if (H5Dread_chunk(in.id(), H5P_DEFAULT, offset.data(), &filters, buffer.data()) < 0 ||
          H5Dwrite_chunk(out.id(), H5P_DEFAULT, filters, offset.data(), size, buffer.data()) < 0)
        throw std::runtime_error("HDF5: cannot copy a chunk of " + path);
    }
    return;
  }
  std::vector<hsize_t> offset(shape.size(), 0), count = shape;
  offset[0] = run, count[0] = 1;
  hsize_t n = 1;
  for (auto c : count) n *= c;
  std::vector<double> values(n);
  const h5::Handle memory(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr), H5Sclose, "space");
  const h5::Handle in_space(H5Dget_space(in.id()), H5Sclose, "space"), out_space(H5Dget_space(out.id()), H5Sclose, "space");
  H5Sselect_hyperslab(in_space.id(), H5S_SELECT_SET, offset.data(), nullptr, count.data(), nullptr);
  H5Sselect_hyperslab(out_space.id(), H5S_SELECT_SET, offset.data(), nullptr, count.data(), nullptr);
  if (H5Dread(in.id(), H5T_NATIVE_DOUBLE, memory.id(), in_space.id(), H5P_DEFAULT, values.data()) < 0 ||
      H5Dwrite(out.id(), H5T_NATIVE_DOUBLE, memory.id(), out_space.id(), H5P_DEFAULT, values.data()) < 0)
    throw std::runtime_error("HDF5: cannot copy " + path);
}

void replace_attribute(hid_t object, const std::string& name, const std::string& value) {
  H5Adelete(object, name.c_str());
  h5::write_attribute(object, name, value);
}

// The copied runs change every dataset's values: its checksum is made again.
void replace_checksums(hid_t file) {
  for (const auto& path : result_datasets(file)) {
    const h5::Handle set(H5Dopen2(file, path.c_str(), H5P_DEFAULT), H5Dclose, "open " + path);
    H5Adelete(set.id(), "checksum");
    h5::write_attribute(set.id(), "checksum", static_cast<std::int64_t>(dataset_checksum(set.id(), 2)));
  }
}

}  // namespace

void merge_shards(const std::string& output, const std::vector<std::string>& paths) {
  if (paths.empty()) throw DataError("merge: name the shard files to join");
  std::vector<Shard> shards;
  for (const auto& p : paths) shards.push_back(open_shard(p));
  const std::size_t runs = shards.front().complete.size();
  std::vector<int> owner(runs, -1);
  for (std::size_t s = 0; s < shards.size(); ++s) {
    if (fingerprint(shards[s]) != fingerprint(shards.front()) || shards[s].complete.size() != runs)
      throw DataError(fmt::format("{}: not a shard of the same sweep as {} (other runs, scenarios or stosim version)",
                                  shards[s].path, shards.front().path));
    for (std::size_t r = 0; r < runs; ++r) {
      if (!shards[s].complete[r]) continue;
      if (owner[r] >= 0)
        throw DataError(fmt::format("{}: run {} is also in {}", shards[s].path, r, shards[static_cast<std::size_t>(owner[r])].path));
      owner[r] = static_cast<int>(s);
    }
  }
  for (std::size_t r = 0; r < runs; ++r)
    if (owner[r] < 0) throw DataError(fmt::format("merge: run {} is in none of the shards (a shard is missing?)", r));

  std::uintmax_t bytes = 0;
  for (const auto& p : paths) bytes += std::filesystem::file_size(p);
  check_room_for(output, bytes + (std::uintmax_t{1} << 20));
  const auto verify = [](const std::string& temporary) { check_result_file(temporary); };
  write_atomically(output, [&](const std::string& temporary) {
    {
      h5::Handle file = h5::create_file(temporary);
      for (const auto& name : h5::members(shards.front().file.id()))
        if (H5Ocopy(shards.front().file.id(), name.c_str(), file.id(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT) < 0)
          throw std::runtime_error("HDF5: cannot copy " + name);
      const std::vector<std::string> datasets = result_datasets(file.id());
      for (std::size_t r = 0; r < runs; ++r)
        if (owner[r] != 0)
          for (const auto& path : datasets)
            copy_run(shards[static_cast<std::size_t>(owner[r])].file.id(), file.id(), path, r);
      {
        const std::vector<std::int32_t> all(runs, 1);
        const h5::Handle complete(H5Dopen2(file.id(), "design/complete", H5P_DEFAULT), H5Dclose,
                                  "open design/complete");
        if (H5Dwrite(complete.id(), H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, all.data()) < 0)
          throw std::runtime_error("HDF5: cannot write design/complete");
      }
      replace_attribute(h5::open_group(file.id(), "metadata").id(), "shard", "0/1");
      replace_checksums(file.id());
      file.close();
    }
    h5::seal_file(temporary);
  }, verify);
}

}  // namespace stosim
