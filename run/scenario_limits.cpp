#include "run/scenario_limits.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace stosim {

namespace {

namespace fs = std::filesystem;

struct LimitExceeded {
  YAML::Mark mark;
  std::string what;
};

// Counts the nodes of a document as if every alias were expanded, and the items of every list,
// from the parser's events: no node tree is built, so a limit fails before memory grows.
class NodeCounter : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { document_start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string&) override {
    leaf(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = sizes_.find(anchor);
    add(mark, it == sizes_.end() ? 1 : it->second);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open_.push_back({mark, anchor, 1, 0, true});
  }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open_.push_back({mark, anchor, 1, 0, false});
  }
  void OnSequenceEnd() override { close(); }
  void OnMapEnd() override { close(); }

  YAML::Mark document_start = YAML::Mark::null_mark();

 private:
  struct Open {
    YAML::Mark mark;
    YAML::anchor_t anchor;
    std::size_t nodes, items;
    bool sequence;
  };

  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) sizes_[anchor] = 1;
    add(mark, 1);
  }
  void close() {
    const Open done = open_.back();
    open_.pop_back();
    if (done.anchor != YAML::NullAnchor) sizes_[done.anchor] = done.nodes;
    add(done.mark, done.nodes);
  }
  // A finished node of `nodes` nodes (aliases expanded) joins its parent, whose size grows at
  // once: a bomb of nested aliases fails at its first oversized alias.
  void add(const YAML::Mark& mark, std::size_t nodes) {
    const auto too_many = [&] {
      return LimitExceeded{mark, fmt::format("more than {} values with every alias (*name) expanded; a "
                                             "scenario is far smaller (aliases nested in aliases?)",
                                             max_scenario_nodes)};
    };
    if (open_.empty()) {
      if (nodes > max_scenario_nodes) throw too_many();
      return;
    }
    Open& parent = open_.back();
    parent.nodes = std::min(parent.nodes + nodes, max_scenario_nodes + 1);
    if (parent.nodes > max_scenario_nodes) throw too_many();
    if (parent.sequence && ++parent.items > max_list_items)
      throw LimitExceeded{parent.mark, fmt::format("a list of more than {} items", max_list_items)};
  }

  std::vector<Open> open_;
  std::map<YAML::anchor_t, std::size_t> sizes_;
};

std::string where(const std::string& file, const YAML::Mark& mark) {
  return mark.is_null() ? file : fmt::format("{}:{}", file, mark.line + 1);
}

}  // namespace

std::optional<InvalidByte> invalid_utf8(std::string_view text) {
  int line = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    bool valid = n > 0 && i + n <= text.size() && !(n == 2 && b < 0xC2);
    for (std::size_t k = 1; valid && k < n; ++k) valid = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
    if (!valid) return InvalidByte{line, b};
    line += b == '\n';
    i += n;
  }
  return std::nullopt;
}

std::optional<std::string> read_scenario_text(const std::string& file, std::vector<std::string>& errors) {
  std::error_code error;
  if (fs::is_directory(file, error)) {
    errors.push_back(fmt::format("{}: is a directory, not a scenario file", file));
    return std::nullopt;
  }
  const auto size = fs::file_size(file, error);
  if (!error && size > max_scenario_bytes) {
    errors.push_back(fmt::format("{}: {} bytes; a scenario file may have at most {} bytes (1 MiB)", file, size,
                                 max_scenario_bytes));
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::string text;
  if (in) {
    text.resize(max_scenario_bytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (!in && !in.eof()) {
    errors.push_back(fmt::format("{}: cannot read the scenario file", file));
    return std::nullopt;
  }
  if (text.size() > max_scenario_bytes) {
    errors.push_back(fmt::format("{}: a scenario file may have at most {} bytes (1 MiB)", file, max_scenario_bytes));
    return std::nullopt;
  }
  if (const auto bad = invalid_utf8(text)) {
    errors.push_back(fmt::format("{}:{}: (encoding): byte 0x{:02X} is not UTF-8; save the scenario as UTF-8 text",
                                 file, bad->line, bad->byte));
    return std::nullopt;
  }
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  NodeCounter counter;
  try {
    int documents = 0;
    while (parser.HandleNextDocument(counter))
      if (++documents > 1) {
        errors.push_back(fmt::format("{}: (top level): a second YAML document ('---'); a scenario is one "
                                     "document (use `extends:` to build on another scenario)",
                                     where(file, counter.document_start)));
        return std::nullopt;
      }
  } catch (const LimitExceeded& e) {
    errors.push_back(fmt::format("{}: (limits): {}", where(file, e.mark), e.what));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    errors.push_back(fmt::format("{}: (syntax): {}", where(file, e.mark), e.msg));
    return std::nullopt;
  }
  return text;
}

}  // namespace stosim
