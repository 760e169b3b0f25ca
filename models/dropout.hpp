#pragma once
// Dropout and leaving: each year an enrolled student may drop out of education without a
// diploma, or leave vmbo for another school type (havo, praktijkonderwijs, a move abroad).
#include <span>

#include "models/context.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct DropoutParams {
  double dropout_rate = 0.010;
  double leaving_rate = 0.015;

  template <class V>
  void visit(V& v) {
    v(dropout_rate, "dropout_rate",
      {.unit = "1/year", .min = 0, .max = 1,
       .description = "Yearly probability that an enrolled student drops out without diploma",
       .source = "assumption: vsv in vmbo is about 1-2 % a year (DUO VSV monitor)"});
    v(leaving_rate, "leaving_rate",
      {.unit = "1/year", .min = 0, .max = 1,
       .description = "Yearly probability that a student leaves vmbo for another school type",
       .source = "assumption: upward and downward moves between school types"});
  }
};

// H9: students of programmes that improved drop out less: the hazard is multiplied by
// e^(-effect (quality - start quality)) when `quality` is given (not empty); `effect` is per
// region (world.channels.quality_dropout, 0 when H9 is off).
struct DropoutQuality {
  std::span<const float> quality;
  std::span<const float> start;   // each programme's quality in the start year
  std::span<const float> effect;  // per region
};
void apply_dropout(World& world, const DropoutParams& params, const StepContext& ctx,
                   DropoutQuality quality = {});

}  // namespace stosim
