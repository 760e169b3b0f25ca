#pragma once
// Errors in input data files (DUO, CBS, population files). Each message names the file and,
// where it applies, the line and the column: "FILE:LINE: COLUMN: what is wrong". The command
// line reports them with exit code 2 and writes nothing.
#include <stdexcept>
#include <string>
#include <vector>

namespace stosim {

class DataError : public std::runtime_error {
 public:
  explicit DataError(const std::string& message)
      : std::runtime_error(message), messages_{message} {}
  explicit DataError(std::vector<std::string> messages)
      : std::runtime_error(messages.empty() ? "invalid data" : messages.front()),
        messages_(std::move(messages)) {}
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::vector<std::string> messages_;
};

}  // namespace stosim
