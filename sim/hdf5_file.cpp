#include "sim/hdf5_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <filesystem>
#include <map>
#include <mutex>
#include <utility>

#include "sim/atomic_write.hpp"

namespace stosim::h5 {

namespace {

hid_t check(hid_t id, const std::string& what) {
  if (id < 0) throw std::runtime_error("HDF5: cannot " + what);
  return id;
}

void check_status(herr_t status, const std::string& what) {
  if (status < 0) throw std::runtime_error("HDF5: cannot " + what);
}

// stosim reports its own errors; HDF5's diagnostics on stderr would only bury them.
void silence_diagnostics() {
  static const bool silenced = H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr) >= 0;
  (void)silenced;
}

// The earliest file format (readable by every HDF5 since 1.8). The later formats checksum their
// metadata, but mark the superblock "open for writing" in an in-memory image, which then cannot
// be opened; damaged values are caught by the checksums of the data instead (fletcher32 on
// compressed datasets, and output/run_reader.hpp).
Handle file_access(bool in_memory) {
  Handle access(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "make file access properties");
  if (in_memory) check_status(H5Pset_fapl_core(access.id(), 1 << 20, 0), "build a file in memory");
  return access;
}

Handle file_creation() {
  Handle creation(H5Pcreate(H5P_FILE_CREATE), H5Pclose, "make file creation properties");
  check_status(H5Pset_userblock(creation.id(), seal_bytes), "reserve the user block");
  return creation;
}

constexpr std::string_view seal_magic = "stosim sealed HDF5 file\n";
constexpr std::string_view hdf5_signature = "\x89HDF\r\n\x1a\n";

class Fnv1a {
 public:
  void add(const char* bytes, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) hash_ = (hash_ ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ull;
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 14695981039346656037ull;
};

// The user block's text: the magic, the checksum and the length of what follows it.
std::string seal_text(std::uint64_t hash, std::uint64_t bytes) {
  char line[96];
  std::snprintf(line, sizeof line, "fnv1a64 %016llx\nbytes %llu\n", static_cast<unsigned long long>(hash),
                static_cast<unsigned long long>(bytes));
  std::string text = std::string(seal_magic) + line;
  text.resize(seal_bytes, '\0');
  return text;
}

// Hash and length of a file's bytes after the user block.
std::pair<std::uint64_t, std::uint64_t> body_hash(std::istream& in) {
  Fnv1a hash;
  std::uint64_t total = 0;
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    hash.add(buffer.data(), n);
    total += n;
  }
  return {hash.value(), total};
}

// Files already checked in this process, by path, size and time: a report opens a file often.
bool checked_before(const std::string& path, bool remember) {
  static std::mutex mutex;
  static std::map<std::string, std::pair<std::uintmax_t, std::filesystem::file_time_type>> checked;
  std::error_code error;
  const auto key = std::make_pair(std::filesystem::file_size(path, error), std::filesystem::last_write_time(path, error));
  if (error) return false;
  std::lock_guard lock(mutex);
  if (remember) checked[path] = key;
  const auto it = checked.find(path);
  return it != checked.end() && it->second == key;
}

void check_seal(const std::string& path) {
  if (checked_before(path, false)) return;
  std::ifstream in(path, std::ios::binary);
  std::string head(seal_bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  if (!in || head.compare(0, hdf5_signature.size(), hdf5_signature) == 0) return;  // no seal: HDF5 decides
  if (head.compare(0, seal_magic.size(), seal_magic) != 0)
    throw std::runtime_error(path + ": cannot open as an HDF5 file");
  const auto [hash, bytes] = body_hash(in);
  if (head != seal_text(hash, bytes))
    throw std::runtime_error(path + ": the file is damaged (its bytes do not match the checksum written with it)");
  checked_before(path, true);
}

Handle string_type() {
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "make a string type");
  check_status(H5Tset_size(type.id(), H5T_VARIABLE), "set string size");
  check_status(H5Tset_cset(type.id(), H5T_CSET_UTF8), "set string encoding");
  return type;
}

Handle simple_space(const std::vector<hsize_t>& shape) {
  return Handle(H5Screate_simple(static_cast<int>(shape.size()), shape.data(), nullptr), H5Sclose,
                "make a dataspace");
}

template <class T>
void write_plain(hid_t parent, const std::string& name, hid_t type, const std::vector<T>& values) {
  const Handle space = simple_space({values.size()});
  const Handle set(H5Dcreate2(parent, name.c_str(), type, space.id(), H5P_DEFAULT, H5P_DEFAULT,
                              H5P_DEFAULT),
                   H5Dclose, "create dataset " + name);
  if (!values.empty())
    check_status(H5Dwrite(set.id(), type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                 "write dataset " + name);
}

template <class T>
std::vector<T> read_plain(hid_t parent, const std::string& name, hid_t type) {
  const Handle set(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose, "open dataset " + name);
  const Handle space(H5Dget_space(set.id()), H5Sclose, "read the shape of " + name);
  const hssize_t n = H5Sget_simple_extent_npoints(space.id());
  std::vector<T> values(static_cast<std::size_t>(std::max<hssize_t>(n, 0)));
  if (!values.empty())
    check_status(H5Dread(set.id(), type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                 "read dataset " + name);
  return values;
}

}  // namespace

Handle::Handle(hid_t id, Closer closer, const std::string& what) : id_(check(id, what)), closer_(closer) {}
Handle::Handle(Handle&& other) noexcept
    : id_(std::exchange(other.id_, -1)), closer_(other.closer_) {}
Handle& Handle::operator=(Handle&& other) noexcept {
  if (this != &other) {
    if (id_ >= 0 && closer_) closer_(id_);
    id_ = std::exchange(other.id_, -1);
    closer_ = other.closer_;
  }
  return *this;
}
Handle::~Handle() {
  if (id_ >= 0 && closer_) closer_(id_);
}
void Handle::close() {
  const hid_t id = std::exchange(id_, -1);
  if (id >= 0 && closer_) check_status(closer_(id), "close an HDF5 object");
}

Handle create_file(const std::string& path) {
  silence_diagnostics();
  const Handle access = file_access(false), creation = file_creation();
  return Handle(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, creation.id(), access.id()), H5Fclose, "create " + path);
}
void seal_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(seal_bytes));
  if (!in) throw WriteError("cannot seal " + path + ": shorter than its user block");
  const auto [hash, bytes] = body_hash(in);
  const std::string text = seal_text(hash, bytes);
  const int fd = ::open(path.c_str(), O_WRONLY);
  const bool written = fd >= 0 && ::pwrite(fd, text.data(), text.size(), 0) == static_cast<ssize_t>(text.size());
  if (fd < 0 || ::close(fd) != 0 || !written) throw WriteError("cannot seal " + path + ": " + std::strerror(errno));
}
Handle create_memory_file(const std::string& name) {
  silence_diagnostics();
  const Handle access = file_access(true), creation = file_creation();
  return Handle(H5Fcreate(name.c_str(), H5F_ACC_TRUNC, creation.id(), access.id()), H5Fclose,
                "create " + name + " in memory");
}
std::vector<char> file_image(hid_t file) {
  check_status(H5Fflush(file, H5F_SCOPE_GLOBAL), "flush a file built in memory");
  const ssize_t size = H5Fget_file_image(file, nullptr, 0);
  if (size <= 0) throw std::runtime_error("HDF5: cannot take the image of a file built in memory");
  std::vector<char> image(static_cast<std::size_t>(size));
  if (H5Fget_file_image(file, image.data(), image.size()) != size)
    throw std::runtime_error("HDF5: cannot copy the image of a file built in memory");
  // The core driver's image starts at the superblock: the user block, the seal, goes before it.
  Fnv1a hash;
  hash.add(image.data(), image.size());
  const std::string seal = seal_text(hash.value(), image.size());
  image.insert(image.begin(), seal.begin(), seal.end());
  return image;
}
void write_file(const std::string& path, const std::function<void(hid_t file)>& fill) {
  std::vector<char> image;
  {
    Handle file = create_memory_file(path);
    fill(file.id());
    image = file_image(file.id());
    file.close();
  }
  write_bytes(path, image.data(), image.size());
}

Handle open_file(const std::string& path) {
  silence_diagnostics();
  check_seal(path);
  H5E_BEGIN_TRY {
    const hid_t id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (id >= 0) return Handle(id, H5Fclose, "open " + path);
  }
  H5E_END_TRY;
  throw std::runtime_error(path + ": cannot open as an HDF5 file");
}
Handle create_group(hid_t parent, const std::string& name) {
  return Handle(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose,
                "create group " + name);
}
Handle open_group(hid_t parent, const std::string& name) {
  return Handle(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), H5Gclose, "open group " + name);
}
bool exists(hid_t parent, const std::string& path) {
  return H5Lexists(parent, path.c_str(), H5P_DEFAULT) > 0;
}
bool has_attribute(hid_t object, const std::string& name) {
  return H5Aexists(object, name.c_str()) > 0;
}
std::vector<hsize_t> shape_of(hid_t parent, const std::string& name) {
  const Handle set(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose, "open dataset " + name);
  const Handle space(H5Dget_space(set.id()), H5Sclose, "read the shape of " + name);
  const int rank = H5Sget_simple_extent_ndims(space.id());
  if (rank < 0 || rank > H5S_MAX_RANK) throw std::runtime_error("HDF5: cannot read the shape of " + name);
  std::vector<hsize_t> shape(static_cast<std::size_t>(rank));
  if (H5Sget_simple_extent_dims(space.id(), shape.data(), nullptr) < 0)
    throw std::runtime_error("HDF5: cannot read the shape of " + name);
  return shape;
}

std::vector<std::string> members(hid_t group) {
  H5G_info_t info;
  check_status(H5Gget_info(group, &info), "list a group");
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t n =
        H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    check_status(static_cast<herr_t>(n < 0 ? -1 : 0), "read a member name");
    std::string name(static_cast<std::size_t>(n), '\0');
    H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(),
                       static_cast<std::size_t>(n) + 1, H5P_DEFAULT);
    names.push_back(name);
  }
  return names;
}

void write_attribute(hid_t object, const std::string& name, const std::string& value) {
  const Handle type = string_type();
  const Handle space(H5Screate(H5S_SCALAR), H5Sclose, "make a scalar dataspace");
  const Handle attr(H5Acreate2(object, name.c_str(), type.id(), space.id(), H5P_DEFAULT, H5P_DEFAULT),
                    H5Aclose, "create attribute " + name);
  const char* text = value.c_str();
  check_status(H5Awrite(attr.id(), type.id(), &text), "write attribute " + name);
}

void write_attribute(hid_t object, const std::string& name, std::int64_t value) {
  const Handle space(H5Screate(H5S_SCALAR), H5Sclose, "make a scalar dataspace");
  const Handle attr(H5Acreate2(object, name.c_str(), H5T_STD_I64LE, space.id(), H5P_DEFAULT, H5P_DEFAULT),
                    H5Aclose, "create attribute " + name);
  check_status(H5Awrite(attr.id(), H5T_NATIVE_INT64, &value), "write attribute " + name);
}

void write_attribute(hid_t object, const std::string& name, double value) {
  const Handle space(H5Screate(H5S_SCALAR), H5Sclose, "make a scalar dataspace");
  const Handle attr(H5Acreate2(object, name.c_str(), H5T_IEEE_F64LE, space.id(), H5P_DEFAULT, H5P_DEFAULT),
                    H5Aclose, "create attribute " + name);
  check_status(H5Awrite(attr.id(), H5T_NATIVE_DOUBLE, &value), "write attribute " + name);
}

void write_attribute(hid_t object, const std::string& name, std::uint64_t value) {
  const Handle space(H5Screate(H5S_SCALAR), H5Sclose, "make a scalar dataspace");
  const Handle attr(H5Acreate2(object, name.c_str(), H5T_STD_U64LE, space.id(), H5P_DEFAULT, H5P_DEFAULT),
                    H5Aclose, "create attribute " + name);
  check_status(H5Awrite(attr.id(), H5T_NATIVE_UINT64, &value), "write attribute " + name);
}

std::uint64_t read_uint_attribute(hid_t object, const std::string& name) {
  const Handle attr(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose, "open attribute " + name);
  std::uint64_t value = 0;
  check_status(H5Aread(attr.id(), H5T_NATIVE_UINT64, &value), "read attribute " + name);
  return value;
}

std::string read_string_attribute(hid_t object, const std::string& name) {
  const Handle attr(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose, "open attribute " + name);
  const Handle type = string_type();
  char* text = nullptr;
  check_status(H5Aread(attr.id(), type.id(), &text), "read attribute " + name);
  std::string value = text ? text : "";
  H5free_memory(text);
  return value;
}

std::int64_t read_int_attribute(hid_t object, const std::string& name) {
  const Handle attr(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose, "open attribute " + name);
  std::int64_t value = 0;
  check_status(H5Aread(attr.id(), H5T_NATIVE_INT64, &value), "read attribute " + name);
  return value;
}

void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values) {
  std::vector<const char*> pointers;
  for (const auto& v : values) pointers.push_back(v.c_str());
  const Handle type = string_type();
  write_plain(parent, name, type.id(), pointers);
}

void write_ints(hid_t parent, const std::string& name, const std::vector<std::int32_t>& values) {
  const Handle space = simple_space({values.size()});
  const Handle set(H5Dcreate2(parent, name.c_str(), H5T_STD_I32LE, space.id(), H5P_DEFAULT,
                              H5P_DEFAULT, H5P_DEFAULT),
                   H5Dclose, "create dataset " + name);
  if (!values.empty())
    check_status(H5Dwrite(set.id(), H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                 "write dataset " + name);
}

void write_floats(hid_t parent, const std::string& name, const std::vector<float>& values) {
  const Handle space = simple_space({values.size()});
  const Handle set(H5Dcreate2(parent, name.c_str(), H5T_IEEE_F32LE, space.id(), H5P_DEFAULT,
                              H5P_DEFAULT, H5P_DEFAULT),
                   H5Dclose, "create dataset " + name);
  if (!values.empty())
    check_status(H5Dwrite(set.id(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                 "write dataset " + name);
}

Handle write_doubles(hid_t parent, const std::string& name, const std::vector<hsize_t>& shape,
                     const double* data) {
  const Handle space = simple_space(shape);
  const Handle properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "make dataset properties");
  std::vector<hsize_t> chunk(shape.size(), 1);
  hsize_t chunk_size = 1;
  for (std::size_t d = shape.size(); d-- > 2;) {
    chunk[d] = std::max<hsize_t>(shape[d], 1);
    chunk_size *= chunk[d];
  }
  const bool compress = chunk_size >= 256;
  if (compress) {
    check_status(H5Pset_chunk(properties.id(), static_cast<int>(chunk.size()), chunk.data()), "chunk");
    check_status(H5Pset_fletcher32(properties.id()), "checksum");
    check_status(H5Pset_deflate(properties.id(), 4), "compress");
  }
  Handle set(H5Dcreate2(parent, name.c_str(), H5T_IEEE_F64LE, space.id(), H5P_DEFAULT,
                        compress ? properties.id() : H5P_DEFAULT, H5P_DEFAULT),
             H5Dclose, "create dataset " + name);
  check_status(H5Dwrite(set.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data),
               "write dataset " + name);
  return set;
}

std::vector<std::string> read_strings(hid_t parent, const std::string& name) {
  const Handle type = string_type();
  std::vector<char*> pointers = read_plain<char*>(parent, name, type.id());
  std::vector<std::string> values;
  for (char* p : pointers) {
    values.emplace_back(p ? p : "");
    H5free_memory(p);
  }
  return values;
}

std::vector<std::int32_t> read_ints(hid_t parent, const std::string& name) {
  return read_plain<std::int32_t>(parent, name, H5T_NATIVE_INT32);
}

std::vector<double> read_doubles(hid_t parent, const std::string& name, std::vector<hsize_t>& shape) {
  const Handle set(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose, "open dataset " + name);
  shape = shape_of(parent, name);
  hsize_t n = 1;
  for (hsize_t d : shape) {
    // A damaged file can claim any shape: refuse one beyond memory before allocating it.
    if (d != 0 && n > (hsize_t{1} << 32) / d) throw std::runtime_error("HDF5: dataset " + name + " is implausibly large");
    n *= d;
  }
  std::vector<double> values(n);
  if (n > 0)
    check_status(H5Dread(set.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                 "read dataset " + name);
  return values;
}

}  // namespace stosim::h5
