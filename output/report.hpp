#pragma once
// `stosim report RUN.h5 -o REPORT.html`: a self-contained HTML page a person can read: the
// scenario, key national indicators over the years (mean over replicates and the range between
// the lowest and highest replicate), and the STO triangle of every region in the last year. With
// a counterfactual run, each chart shows both runs.
#include <string>

namespace stosim {

void write_report(const std::string& run_path, const std::string& counterfactual_path,
                  const std::string& html_path);

}  // namespace stosim
