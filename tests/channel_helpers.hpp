#pragma once
// Mechanism tests set envelopes and switches by hand; the mechanisms read the resolved channels,
// so a test resolves them as the year step does (models/channels.hpp).
#include "models/channels.hpp"
#include "models/model_parameters.hpp"

namespace stosim::testing {

inline void resolve_for_test(World& w, const PathwayParams& pathways = {},
                             ModelParameters base = {}) {
  base.pathways = pathways;
  resolve_channels(w, base, w.channels);
}

inline void resolve_for_test(World& w, const PathwayParams& pathways,
                             const CoordinationParams& coordination) {
  ModelParameters base;
  base.regional_coordination = coordination;
  resolve_for_test(w, pathways, base);
}

}  // namespace stosim::testing
