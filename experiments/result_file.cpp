#include "experiments/result_file.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>
#include <zlib.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include "experiments/journal.hpp"
#include "output/sweep_reader.hpp"
#include "run/run_file.hpp"
#include "sim/atomic_write.hpp"
#include "sim/data_error.hpp"
#include "sim/hdf5_file.hpp"
#include "sim/version.hpp"

namespace stosim {

namespace {

constexpr int deflate_level = 4;
constexpr std::int64_t sweep_format_version = 1;

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ",") + p;
  return out;
}

// HDF5's shuffle filter: byte k of every element together, which deflate compresses far better.
std::vector<unsigned char> shuffle(const double* values, std::size_t n) {
  std::vector<unsigned char> out(n * sizeof(double));
  const auto* bytes = reinterpret_cast<const unsigned char*>(values);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t b = 0; b < sizeof(double); ++b) out[b * n + i] = bytes[i * sizeof(double) + b];
  return out;
}

void append_block(std::vector<char>& out, const void* data, std::uint64_t size) {
  const std::size_t at = out.size();
  out.resize(at + sizeof size + size);
  std::memcpy(out.data() + at, &size, sizeof size);
  std::memcpy(out.data() + at + sizeof size, data, size);
}

// The block sequence of a payload, read back.
std::vector<std::pair<const char*, std::uint64_t>> split_blocks(const std::vector<char>& payload, std::size_t n) {
  std::vector<std::pair<const char*, std::uint64_t>> blocks;
  std::size_t at = 0;
  for (std::size_t b = 0; b < n; ++b) {
    std::uint64_t size = 0;
    if (at + sizeof size > payload.size()) throw std::runtime_error("journal record: too few blocks");
    std::memcpy(&size, payload.data() + at, sizeof size);
    at += sizeof size;
    if (at + size > payload.size()) throw std::runtime_error("journal record: block past the end");
    blocks.emplace_back(payload.data() + at, size);
    at += size;
  }
  return blocks;
}

std::vector<hsize_t> prefix(const ResultLayout& layout) {
  if (layout.run_file) return {layout.replicates};
  return {layout.runs, layout.replicates};
}

h5::Handle create_dataset(hid_t parent, const std::string& name, const std::vector<hsize_t>& shape,
                          const std::vector<hsize_t>& chunk, bool compress) {
  const h5::Handle space(H5Screate_simple(static_cast<int>(shape.size()), shape.data(), nullptr), H5Sclose,
                         "make a dataspace");
  const h5::Handle properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "make dataset properties");
  H5Pset_chunk(properties.id(), static_cast<int>(chunk.size()), chunk.data());
  const double missing = std::numeric_limits<double>::quiet_NaN();
  H5Pset_fill_value(properties.id(), H5T_NATIVE_DOUBLE, &missing);
  if (compress) {
    H5Pset_shuffle(properties.id());
    H5Pset_deflate(properties.id(), deflate_level);
  }
  return h5::Handle(H5Dcreate2(parent, name.c_str(), H5T_IEEE_F64LE, space.id(), H5P_DEFAULT, properties.id(),
                               H5P_DEFAULT),
                    H5Dclose, "create dataset " + name);
}

h5::Handle group_path(hid_t file, const std::string& path) {
  // Creates the groups of "a/b/name" as needed; returns the innermost group.
  h5::Handle group(H5Gopen2(file, "/", H5P_DEFAULT), H5Gclose, "open /");
  std::size_t start = 0;
  for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', start)) {
    const std::string name = path.substr(start, slash - start);
    group = h5::exists(group.id(), name) ? h5::open_group(group.id(), name) : h5::create_group(group.id(), name);
    start = slash + 1;
  }
  return group;
}

std::string leaf(const std::string& path) { return path.substr(path.rfind('/') + 1); }

void write_block_attributes(hid_t set, const StoredBlock& block, const SweepSpec& spec, const ResultLayout& layout) {
  std::vector<std::string> dims = layout.run_file ? std::vector<std::string>{"replicate"}
                                                  : std::vector<std::string>{"run", "replicate"};
  dims.insert(dims.end(), block.dimensions.begin(), block.dimensions.end());
  h5::write_attribute(set, "dimensions", join(dims));
  const IndicatorSpec& indicator =
      indicator_specs()[block.summary ? spec.summaries[block.index].indicator : block.index];
  h5::write_attribute(set, "unit", std::string(indicator.unit));
  h5::write_attribute(set, "kind", std::string(kind_name(indicator.kind)));
  h5::write_attribute(set, "description",
                      block.summary ? spec.summaries[block.index].describe() : std::string(indicator.description));
}

void write_sweep_metadata(hid_t file, const SweepSpec& spec, const ResultInfo& info) {
  const h5::Handle meta = h5::create_group(file, "metadata");
  h5::write_attribute(meta.id(), "format", std::string("stosim-sweep"));
  h5::write_attribute(meta.id(), "format_version", sweep_format_version);
  h5::write_attribute(meta.id(), "stosim_version", std::string(version()));
  h5::write_attribute(meta.id(), "git_commit", std::string(git_commit()));
  h5::write_attribute(meta.id(), "sweep_name", spec.name);
  h5::write_attribute(meta.id(), "sweep_file", spec.path);
  h5::write_attribute(meta.id(), "sweep_yaml", spec.text);
  h5::write_attribute(meta.id(), "design", spec.design);
  h5::write_attribute(meta.id(), "fingerprint", spec.fingerprint());
  h5::write_attribute(meta.id(), "runs", static_cast<std::int64_t>(spec.runs.size()));
  h5::write_attribute(meta.id(), "replicates", std::int64_t{spec.replicates});
  h5::write_attribute(meta.id(), "start_year", std::int64_t{spec.start_year});
  h5::write_attribute(meta.id(), "end_year", std::int64_t{spec.end_year});
  h5::write_attribute(meta.id(), "shard", fmt::format("{}/{}", info.shard, info.shards));
  h5::write_attribute(meta.id(), "threads", std::int64_t{info.threads});
  h5::write_attribute(meta.id(), "wall_seconds", info.seconds);
  h5::write_attribute(meta.id(), "created_utc", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr))));
}

// The design table: one row per run.
void write_design(hid_t file, const SweepSpec& spec, const std::vector<std::int8_t>& complete) {
  const h5::Handle design = h5::create_group(file, "design");
  std::vector<std::int32_t> run, population, done(complete.begin(), complete.end());
  std::vector<std::string> scenario, overrides;
  for (std::size_t r = 0; r < spec.runs.size(); ++r) {
    run.push_back(static_cast<std::int32_t>(r));
    population.push_back(spec.population_of_run[r]);
    scenario.push_back(spec.runs[r].scenario);
    std::string text;
    for (const Override& o : spec.runs[r].overrides) text += (text.empty() ? "" : "; ") + o.key + "=" + o.value;
    overrides.push_back(text);
  }
  h5::write_ints(design.id(), "run", run);
  h5::write_strings(design.id(), "scenario", scenario);
  h5::write_strings(design.id(), "overrides", overrides);
  h5::write_ints(design.id(), "population", population);
  h5::write_ints(design.id(), "complete", done);
  const h5::Handle parameters = h5::create_group(design.id(), "parameters");
  for (std::size_t k = 0; k < spec.varied_keys.size(); ++k) {
    std::vector<std::string> text;
    std::vector<double> numbers;
    bool numeric = true;
    for (const auto& r : spec.runs) {
      text.push_back(r.values[k]);
      char* end = nullptr;
      const double v = r.values[k].empty() ? std::nan("") : std::strtod(r.values[k].c_str(), &end);
      if (!r.values[k].empty() && (end == r.values[k].c_str() || *end != '\0')) numeric = false;
      numbers.push_back(v);
    }
    if (numeric) {
      const std::vector<hsize_t> shape = {numbers.size()};
      h5::write_doubles(parameters.id(), spec.varied_keys[k], shape, numbers.data());
    } else {
      h5::write_strings(parameters.id(), spec.varied_keys[k], text);
    }
  }
}

struct OpenBlock {
  h5::Handle set;
  std::vector<hsize_t> block;  // shape of one replicate's block in the file (with leading 1s)
};

std::vector<OpenBlock> create_blocks(hid_t file, const SweepSpec& spec, const ResultLayout& layout) {
  std::vector<OpenBlock> out;
  for (const StoredBlock& b : layout.blocks) {
    std::vector<hsize_t> shape = prefix(layout), chunk(shape.size(), 1);
    if (b.summary && !layout.run_file) chunk[0] = std::min<hsize_t>(layout.runs, 256);
    for (auto s : b.shape) shape.push_back(s), chunk.push_back(std::max<hsize_t>(s, 1));
    const h5::Handle group = group_path(file, b.path);
    OpenBlock open{create_dataset(group.id(), leaf(b.path), shape, chunk, true), {}};
    open.block.assign(prefix(layout).size(), 1);
    open.block.insert(open.block.end(), b.shape.begin(), b.shape.end());
    write_block_attributes(open.set.id(), b, spec, layout);
    out.push_back(std::move(open));
  }
  return out;
}

void write_record(std::vector<OpenBlock>& sets, const ResultLayout& layout, const JournalRecord& record) {
  const auto blocks = split_blocks(record.payload, layout.blocks.size());
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    std::vector<hsize_t> offset(sets[b].block.size(), 0);
    if (layout.run_file) offset[0] = record.replicate;
    else offset[0] = record.run, offset[1] = record.replicate;
    if (layout.blocks[b].summary) {
      // A summary is a row of a shared chunk: written through HDF5's own filter.
      const h5::Handle file_space(H5Dget_space(sets[b].set.id()), H5Sclose, "get a dataspace");
      H5Sselect_hyperslab(file_space.id(), H5S_SELECT_SET, offset.data(), nullptr, sets[b].block.data(), nullptr);
      const h5::Handle memory(H5Screate_simple(static_cast<int>(sets[b].block.size()), sets[b].block.data(), nullptr),
                              H5Sclose, "make a dataspace");
      if (H5Dwrite(sets[b].set.id(), H5T_NATIVE_DOUBLE, memory.id(), file_space.id(), H5P_DEFAULT, blocks[b].first) < 0)
        throw std::runtime_error("HDF5: cannot write " + layout.blocks[b].path);
    } else if (H5Dwrite_chunk(sets[b].set.id(), H5P_DEFAULT, 0, offset.data(), blocks[b].second, blocks[b].first) < 0) {
      throw std::runtime_error("HDF5: cannot write a chunk of " + layout.blocks[b].path);
    }
  }
}

// The checksum kept with every dataset (output/sweep_reader.hpp), read back block by block.
void write_checksums(std::vector<OpenBlock>& sets, const ResultLayout& layout) {
  for (OpenBlock& open : sets)
    h5::write_attribute(open.set.id(), "checksum",
                        static_cast<std::int64_t>(dataset_checksum(open.set.id(), prefix(layout).size())));
}

}  // namespace

ResultLayout make_layout(const SweepSpec& spec, std::size_t regions, std::size_t locations, bool run_file) {
  ResultLayout layout{run_file, spec.runs.size(), static_cast<std::size_t>(spec.replicates), {}};
  const auto units = [&](Level level) -> std::uint64_t {
    return level == Level::national ? 1 : level == Level::region ? regions : locations;
  };
  for (std::size_t s = 0; s < spec.summaries.size(); ++s) {
    const Level level = spec.summaries[s].level;
    layout.blocks.push_back({"summaries/" + spec.summaries[s].name, true, s, level, {units(level)},
                             {std::string(level_name(level))}});
  }
  for (int lv = n_levels - 1; lv >= 0; --lv) {
    const auto level = static_cast<Level>(lv);
    for (std::size_t i = 0; i < indicator_specs().size(); ++i) {
      if (!spec.indicators.wanted(i, level)) continue;
      StoredBlock b{fmt::format("indicators/{}/{}", level_name(level), indicator_specs()[i].name), false, i, level,
                    {static_cast<std::uint64_t>(spec.years()), units(level)}, {"year", std::string(level_name(level))}};
      const BreakdownShape shape = breakdown_shape(indicator_specs()[i].breakdown);
      for (std::size_t d = 0; d < shape.categories.size(); ++d) {
        b.shape.push_back(shape.categories[d].size());
        b.dimensions.emplace_back(shape.dimension_names[d]);
      }
      layout.blocks.push_back(std::move(b));
    }
  }
  return layout;
}

std::vector<char> encode_replicate(const ResultLayout& layout, const SweepSpec& spec, const IndicatorFrame& frame) {
  std::vector<char> out;
  for (const StoredBlock& b : layout.blocks) {
    if (b.summary) {
      const std::vector<double> values = summarise(frame, spec.summaries[b.index], spec.start_year);
      append_block(out, values.data(), values.size() * sizeof(double));
      continue;
    }
    const std::vector<double>& values = frame.values(b.index, b.level);
    const std::vector<unsigned char> shuffled = shuffle(values.data(), values.size());
    uLongf size = compressBound(static_cast<uLong>(shuffled.size()));
    std::vector<unsigned char> compressed(size);
    if (compress2(compressed.data(), &size, shuffled.data(), static_cast<uLong>(shuffled.size()), deflate_level) != Z_OK)
      throw std::runtime_error("zlib: cannot compress " + b.path);
    append_block(out, compressed.data(), size);
  }
  return out;
}

void write_results(const std::string& output, const std::string& journal, const SweepSpec& spec,
                   const ResultLayout& layout, const World& population, const ResultInfo& info) {
  const std::size_t tasks = layout.runs * layout.replicates;
  std::vector<std::uint8_t> seen(tasks, 0);
  // The file is written to disk as it is made, not from memory: it must fit before it starts.
  // Its data are the journal's compressed blocks, plus the tables and HDF5's own structures.
  check_room_for(output, std::filesystem::file_size(journal) + (std::uintmax_t{256} << 10) +
                             layout.blocks.size() * (std::uintmax_t{1} << 10));
  const auto verify = [](const std::string& temporary) { check_result_file(temporary); };
  write_atomically(output, [&](const std::string& temporary) {
    h5::Handle file = h5::create_file(temporary);
    const Scenario first = spec.scenario(0);
    if (layout.run_file) write_run_metadata(file.id(), first, info.threads, info.seconds);
    else write_sweep_metadata(file.id(), spec, info);
    std::vector<std::int32_t> years;
    for (int y = spec.start_year; y <= spec.end_year; ++y) years.push_back(y);
    h5::write_ints(file.id(), "years", years);
    if (spec.populations == 1) write_run_entities(file.id(), population, first);
    std::vector<OpenBlock> sets = create_blocks(file.id(), spec, layout);
    std::size_t written = 0;
    for_each_record(journal, [&](const JournalRecord& record) {
      const std::size_t task = record.run * layout.replicates + record.replicate;
      if (record.run >= layout.runs || record.replicate >= layout.replicates || seen[task]) return;
      seen[task] = 1;
      write_record(sets, layout, record);
      if (++written == tasks / 2 + 1 && crash_requested("finalize", 0)) ::kill(::getpid(), SIGKILL);
    });
    std::vector<std::int8_t> complete(layout.runs, 0);
    for (std::size_t r = 0; r < layout.runs; ++r) {
      if (static_cast<int>(r % static_cast<std::size_t>(info.shards)) != info.shard) continue;
      complete[r] = 1;
      for (std::size_t k = 0; k < layout.replicates; ++k)
        if (!seen[r * layout.replicates + k])
          throw std::runtime_error(fmt::format("{}: run {} replicate {} is missing", journal, r, k));
    }
    write_checksums(sets, layout);
    if (!layout.run_file) write_design(file.id(), spec, complete);
    sets.clear();
    file.close();
    h5::seal_file(temporary);
  }, verify);
}

}  // namespace stosim
