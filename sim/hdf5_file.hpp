#pragma once
// A thin RAII layer over the HDF5 C API, shared by the run writer and the CSV export.
// Only output/ includes it.
#include <hdf5.h>

#include <cstdint>
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

 private:
  hid_t id_ = -1;
  Closer closer_ = nullptr;
};

Handle create_file(const std::string& path);
Handle open_file(const std::string& path);
Handle create_group(hid_t parent, const std::string& name);
Handle open_group(hid_t parent, const std::string& name);
bool exists(hid_t parent, const std::string& path);
std::vector<std::string> members(hid_t group);

void write_attribute(hid_t object, const std::string& name, const std::string& value);
void write_attribute(hid_t object, const std::string& name, std::int64_t value);
void write_attribute(hid_t object, const std::string& name, double value);
std::string read_string_attribute(hid_t object, const std::string& name);
std::int64_t read_int_attribute(hid_t object, const std::string& name);

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
