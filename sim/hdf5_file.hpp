#pragma once
// A thin RAII layer over the HDF5 C API, shared by the run writer and the CSV export.
// Only output/ includes it.
#include <hdf5.h>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace stosim::h5 {

class Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Handle() = default;
  Handle(hid_t id, Closer closer, const std::string& what);
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept;
  Handle& operator=(Handle&& other) noexcept;
  ~Handle();
  hid_t id() const { return id_; }
  // Closes now and throws when HDF5 reports a failure (the destructor cannot report one).
  void close();

 private:
  hid_t id_ = -1;
  Closer closer_ = nullptr;
};

// Every file stosim makes starts with a seal in HDF5's user block (the first 512 bytes, which
// HDF5 leaves to its user): a checksum of all the bytes after it. open_file checks the seal
// before HDF5 reads a byte, because libhdf5 can crash on damaged metadata of its own; a file
// without a user block (made by other tools or an older stosim) opens unchecked.
inline constexpr std::size_t seal_bytes = 512;

// A file written to disk as it is made; seal_file() it once it is closed.
Handle create_file(const std::string& path);
void seal_file(const std::string& path);
// A file built in memory (the core driver, nothing on disk): write it with file_image() and
// checked writes, so that a full disk never meets HDF5 half-way through a file.
Handle create_memory_file(const std::string& name);
// The bytes of a complete file built in memory (flushed first), sealed.
std::vector<char> file_image(hid_t file);
// Opens for reading; throws when the file is not HDF5 or its seal does not match its bytes.
Handle open_file(const std::string& path);
// Builds a file in memory with `fill`, then writes it to `path` with checked writes.
void write_file(const std::string& path, const std::function<void(hid_t file)>& fill);
Handle create_group(hid_t parent, const std::string& name);
Handle open_group(hid_t parent, const std::string& name);
bool exists(hid_t parent, const std::string& path);
bool has_attribute(hid_t object, const std::string& name);
// The shape of a dataset, without reading it.
std::vector<hsize_t> shape_of(hid_t parent, const std::string& name);
std::vector<std::string> members(hid_t group);

void write_attribute(hid_t object, const std::string& name, const std::string& value);
void write_attribute(hid_t object, const std::string& name, std::int64_t value);
void write_attribute(hid_t object, const std::string& name, double value);
void write_attribute(hid_t object, const std::string& name, std::uint64_t value);
std::string read_string_attribute(hid_t object, const std::string& name);
std::int64_t read_int_attribute(hid_t object, const std::string& name);
std::uint64_t read_uint_attribute(hid_t object, const std::string& name);

void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values);
void write_ints(hid_t parent, const std::string& name, const std::vector<std::int32_t>& values);
void write_floats(hid_t parent, const std::string& name, const std::vector<float>& values);
// A float64 dataset of any shape, chunked by its last two dimensions and compressed.
Handle write_doubles(hid_t parent, const std::string& name, const std::vector<hsize_t>& shape,
                     const double* data);

std::vector<std::string> read_strings(hid_t parent, const std::string& name);
std::vector<std::int32_t> read_ints(hid_t parent, const std::string& name);
std::vector<double> read_doubles(hid_t parent, const std::string& name, std::vector<hsize_t>& shape);

}  // namespace stosim::h5
