// The sections of `stosim report` and the Vega-Lite specifications of their charts. Every spec
// draws named datasets (report_data.cpp); layers named decor_* (grids, outlines, zero lines) are
// not data, so the browser test can tell a chart that drew its data from an empty frame.
#include <fmt/format.h>

#include "output/report_internal.hpp"

namespace stosim::report {

namespace {

constexpr std::string_view schema = "https://vega.github.io/schema/vega-lite/v6.json";
constexpr std::string_view palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"};
constexpr std::string_view counterfactual_colour = "#7f7f7f";

std::string vega_string(std::string_view text) {  // a string literal in a Vega expression
  std::string out = "'";
  for (char ch : text) out += ch == '\'' || ch == '\\' ? std::string("\\") + ch : std::string(1, ch);
  return out + "'";
}

json chart(std::string id, std::string title, std::vector<std::string> datasets, json spec, std::string note = {}) {
  spec["$schema"] = schema;
  return {{"kind", "chart"}, {"id", std::move(id)}, {"title", std::move(title)}, {"datasets", std::move(datasets)},
          {"spec", std::move(spec)}, {"note", std::move(note)}, {"wide", false}};
}

json wide(json item) {
  item["wide"] = true;
  return item;
}

// Colours of the runs (the counterfactual grey and dashed), shared by every chart.
json run_colour(const Context& c, bool with_counterfactual) {
  json domain = json::array(), range = json::array();
  for (std::size_t i = 0; i < c.runs.size(); ++i)
    domain.push_back(c.labels[i]), range.push_back(palette[i % std::size(palette)]);
  if (with_counterfactual && c.counterfactual) domain.push_back(c.counterfactual_label()), range.push_back(counterfactual_colour);
  return {{"field", "run"}, {"type", "nominal"}, {"title", nullptr}, {"sort", domain},
          {"scale", {{"domain", domain}, {"range", range}}},
          {"legend", {{"orient", "bottom"}, {"labelLimit", 300}, {"symbolOpacity", 1}}}};
}

json run_dash(const Context& c) {
  json domain = json::array(), range = json::array();
  for (std::size_t i = 0; i < c.labels.size(); ++i) {
    domain.push_back(c.labels[i]);
    range.push_back(c.counterfactual && i + 1 == c.labels.size() ? json{5, 3} : json{1, 0});
  }
  return {{"field", "run"}, {"type", "nominal"}, {"title", nullptr}, {"sort", domain},
          {"scale", {{"domain", domain}, {"range", range}}}};
}

json year_axis() {
  return {{"field", "year"}, {"type", "quantitative"}, {"title", "school year (2018 = 2017/18)"},
          {"scale", {{"nice", false}}}, {"axis", {{"format", "d"}, {"tickMinStep", 1}, {"labelOverlap", true}}}};
}

json filter(std::string_view expression) { return json::array({{{"filter", expression}}}); }

json series_chart(const Context& c, const Measure& m) {
  const Display d = display_of(unit_of(c, m));
  const json tooltip = json::array(
      {{{"field", "run"}}, {{"field", "year"}, {"type", "ordinal"}},
       {{"field", "mean"}, {"title", fmt::format("mean over replicates ({})", d.unit)}, {"format", d.format}},
       {{"field", "low"}, {"title", "lowest replicate"}, {"format", d.format}},
       {{"field", "high"}, {"title", "highest replicate"}, {"format", d.format}},
       {{"field", "replicates"}, {"title", "replicates"}}});
  json spec = {
      {"width", 300}, {"height", 170}, {"data", {{"name", "series"}}},
      {"transform", filter(fmt::format("datum.chart === {}", vega_string(m.id)))},
      {"encoding", {{"x", year_axis()}, {"color", run_colour(c, true)}}},
      {"layer", json::array({
          {{"mark", {{"type", "area"}, {"opacity", 0.15}}},
           {"encoding", {{"y", {{"field", "low"}, {"type", "quantitative"}, {"title", d.unit},
                                {"scale", {{"zero", true}}}}},
                         {"y2", {{"field", "high"}}}}}},
          {{"mark", {{"type", "line"}, {"point", true}, {"strokeWidth", 2}}},
           {"encoding", {{"y", {{"field", "mean"}, {"type", "quantitative"}}}, {"strokeDash", run_dash(c)},
                         {"tooltip", tooltip}}}}})}};
  return chart("series_" + std::string(m.id), std::string(m.title), {"series"}, spec,
               fmt::format("{} ({}), national{}.", m.indicator, d.unit,
                           m.cell.empty() ? "" : m.cell == "*" ? ", all categories" : ", " + std::string(m.cell)));
}

json effect_chart(const Context& c, const Measure& m) {
  const Display d = display_of(unit_of(c, m));
  const json tooltip = json::array(
      {{{"field", "run"}}, {{"field", "year"}, {"type", "ordinal"}},
       {{"field", "effect"}, {"title", fmt::format("effect ({})", d.effect_unit)}, {"format", "+" + d.format}},
       {{"field", "low"}, {"title", "95 % interval, low"}, {"format", "+" + d.format}},
       {{"field", "high"}, {"title", "95 % interval, high"}, {"format", "+" + d.format}},
       {{"field", "pairs"}, {"title", "paired replicates"}}});
  json spec = {
      {"width", 300}, {"height", 170},
      {"layer", json::array({
          {{"name", "decor_zero"}, {"data", {{"values", json::array({json::object()})}}},
           {"mark", {{"type", "rule"}, {"color", "#444"}}}, {"encoding", {{"y", {{"datum", 0}}}}}},
          {{"data", {{"name", "effects"}}}, {"transform", filter(fmt::format("datum.chart === {}", vega_string(m.id)))},
           {"encoding", {{"x", year_axis()}, {"color", run_colour(c, false)}}},
           {"layer", json::array({
               {{"mark", {{"type", "area"}, {"opacity", 0.2}}},
                {"encoding", {{"y", {{"field", "low"}, {"type", "quantitative"},
                                     {"title", fmt::format("effect ({})", d.effect_unit)}}},
                              {"y2", {{"field", "high"}}}}}},
               {{"mark", {{"type", "line"}, {"point", true}}},
                {"encoding", {{"y", {{"field", "effect"}, {"type", "quantitative"}}}, {"tooltip", tooltip}}}}})}}})}};
  return chart("effect_" + std::string(m.id), std::string(m.title), {"effects"}, spec,
               fmt::format("Scenario − {}, paired by replicate: mean (line) and 95 % interval (band), {}.",
                           c.counterfactual_label(), d.effect_unit));
}

json verdict_colour() {
  return {{"field", "verdict"}, {"type", "nominal"}, {"title", "verdict"},
          {"scale", {{"domain", {"as expected", "no clear effect", "opposite", "kept", "changed",
                                 "no interval (one replicate)"}},
                     {"range", {"#2ca02c", "#8c8c8c", "#d62728", "#1f77b4", "#ff7f0e", "#c7c7c7"}}}},
          {"legend", {{"orient", "bottom"}}}};
}

json scorecard_chart(const Context& c) {
  const json tooltip = json::array(
      {{{"field", "label"}, {"title", "indicator"}}, {{"field", "indicator"}, {"title", "name"}},
       {{"field", "run"}}, {{"field", "expected"}},
       {{"field", "counterfactual_mean"}, {"title", c.counterfactual_label()}, {"format", ",.3~f"}},
       {{"field", "scenario_mean"}, {"title", "scenario"}, {"format", ",.3~f"}},
       {{"field", "effect"}, {"format", "+,.3~f"}}, {{"field", "effect_unit"}, {"title", "unit"}},
       {{"field", "relative"}, {"title", "effect (% of counterfactual)"}, {"format", "+.2f"}},
       {{"field", "relative_low"}, {"title", "95 % interval, low"}, {"format", "+.2f"}},
       {{"field", "relative_high"}, {"title", "95 % interval, high"}, {"format", "+.2f"}},
       {{"field", "verdict"}}});
  const json y = {{"field", "label"}, {"type", "nominal"}, {"sort", {{"field", "order"}}}, {"title", nullptr},
                  {"axis", {{"labelLimit", 280}}}};
  const json x_title = fmt::format("effect, % of {}", c.counterfactual_label());
  const json layers = json::array({
      {{"name", "decor_zero"}, {"mark", {{"type", "rule"}, {"color", "#444"}}}, {"encoding", {{"x", {{"datum", 0}}}}}},
      {{"mark", {{"type", "rule"}, {"strokeWidth", 2}}},
       {"encoding", {{"y", y}, {"x", {{"field", "relative_low"}, {"type", "quantitative"}, {"title", x_title},
                                    {"scale", {{"type", "symlog"}, {"constant", 1}}},
                                    {"axis", {{"values", {-100, -10, -1, 0, 1, 10, 100, 1000}},
                                              {"labelOverlap", true}}}}},
                     {"x2", {{"field", "relative_high"}}}, {"color", verdict_colour()}}}},
      {{"mark", {{"type", "point"}, {"filled", true}, {"size", 60}}},
       {"encoding", {{"y", y}, {"x", {{"field", "relative"}, {"type", "quantitative"}}}, {"color", verdict_colour()},
                     {"tooltip", tooltip}}}}});
  json spec = {{"data", {{"name", "scorecard"}}}, {"transform", filter("isValid(datum.relative)")}};
  if (c.runs.size() == 1) {
    spec["width"] = 360, spec["height"] = json{{"step", 18}}, spec["layer"] = layers;
  } else {
    json order = json::array();
    for (std::size_t i = 0; i < c.runs.size(); ++i) order.push_back(c.labels[i]);
    spec["facet"] = {{"column", {{"field", "run"}, {"type", "nominal"}, {"title", nullptr}, {"sort", order}}}};
    spec["spec"] = {{"width", 240}, {"height", {{"step", 18}}}, {"layer", layers}};
  }
  return wide(chart("scorecard", "Hypothesis scorecard: effects against the counterfactual", {"scorecard"}, spec,
               fmt::format("Effect of each scenario on the indicators each pathway (H1–H9) should move, in {}, "
                           "relative to {}: point = mean paired difference, bar = 95 % interval; the axis is "
                           "logarithmic beyond ±1 % so that small and large effects both show. Indicators whose "
                           "counterfactual value is zero have no relative effect and appear in the table only.",
                           c.runs.front().info().years.back(), c.counterfactual_label())));
}

json triangle_layers(const Context& c, bool labels) {
  json layers = json::array({
      {{"name", "decor_grid"}, {"transform", filter("datum.kind === 'grid'")},
       {"mark", {{"type", "line"}, {"color", "#c8c8c8"}, {"strokeWidth", 1}}},
       {"encoding", {{"detail", {{"field", "run"}}}, {"order", {{"field", "order"}}}}}},
      {{"transform", filter("datum.kind === 'run'")}, {"mark", {{"type", "line"}, {"strokeWidth", 2}}},
       {"encoding", {{"color", run_colour(c, true)}, {"strokeDash", run_dash(c)}, {"detail", {{"field", "run"}}},
                     {"order", {{"field", "order"}}}}}},
      {{"transform", filter("datum.kind === 'run' && datum.order < 3")},
       {"mark", {{"type", "point"}, {"filled", true}, {"size", labels ? 40 : 12}}},
       {"encoding", {{"color", run_colour(c, true)},
                     {"tooltip", json::array({{{"field", "name"}, {"title", "unit"}}, {{"field", "run"}},
                                              {{"field", "corner"}}, {{"field", "score"}, {"format", ".3f"}}})}}}}});
  if (labels)
    layers.push_back({{"name", "decor_labels"}, {"transform", filter("datum.kind === 'grid' && datum.run === '1.0' && datum.order < 3")},
                      {"mark", {{"type", "text"}, {"fontSize", 12}, {"fontWeight", "bold"}, {"dy", -8}}},
                      {"encoding", {{"text", {{"field", "corner"}}}}}});
  return layers;
}

// The triangle's plane: corners at distance 1 from the centre, no axes.
json triangle_axes() {
  return {{"x", {{"field", "x"}, {"type", "quantitative"}, {"scale", {{"domain", {-1.05, 1.05}}}}, {"axis", nullptr}}},
          {"y", {{"field", "y"}, {"type", "quantitative"}, {"scale", {{"domain", {-0.6, 1.15}}}}, {"axis", nullptr}}}};
}

json triangle_national(const Context& c) {
  json spec = {{"width", 320}, {"height", 270}, {"data", {{"name", "triangle"}}},
               {"transform", filter("datum.unit === 'NL'")}, {"encoding", triangle_axes()},
               {"layer", triangle_layers(c, true)}, {"view", {{"stroke", nullptr}}}};
  return chart("triangle_nl", fmt::format("The STO triangle, Netherlands, {}", c.runs.front().info().years.back()),
               {"triangle"}, spec,
               "Each corner is a score in [0, 1], a mean of its parts (docs/OUTPUT.md): duurzaam = viable and "
               "staffed technical programmes; dekkend = reach of technical profiles and job chance of the mbo "
               "chosen; kwalitatief = facilities, qualified teachers, innovation. Grey triangles: scores 0.5 and 1. "
               "A larger triangle is better on every corner.");
}

json triangle_regions(const Context& c) {
  json spec = {{"data", {{"name", "triangle"}}},
               {"transform", filter("datum.unit !== 'NL'")},
               {"facet", {{"field", "name"}, {"type", "nominal"}, {"title", nullptr}, {"sort", "ascending"},
                          {"header", {{"labelFontSize", 10}, {"labelLimit", 120}}}}},
               {"columns", 8},
               {"spec", {{"width", 110}, {"height", 95}, {"encoding", triangle_axes()}, {"layer", triangle_layers(c, false)},
                         {"view", {{"stroke", "#eee"}}}}}};
  return wide(chart("triangle_regions", "The STO triangle per region", {"triangle"}, spec,
               "The same triangle for every region (grey: score 1). Top corner duurzaam, bottom left dekkend, bottom "
               "right kwalitatief. A region without any open technical programme has no duurzaam score: its "
               "triangle lacks that corner."));
}

json outline_layer() {
  return {{"name", "decor_outline"}, {"data", {{"name", "outline"}}},
          {"mark", {{"type", "geoshape"}, {"fill", "#eef1f4"}, {"stroke", "#8a99a8"}, {"strokeWidth", 0.7}}}};
}

json map_view(std::string title, json layers) {
  return {{"title", std::move(title)}, {"width", 300}, {"height", 350}, {"projection", {{"type", "mercator"}}},
          {"layer", std::move(layers)}};
}

json position() {
  return {{"longitude", {{"field", "lon"}, {"type", "quantitative"}}},
          {"latitude", {{"field", "lat"}, {"type", "quantitative"}}}};
}

json locations_map(const Context& c) {
  json views = json::array();
  const auto runs = c.all_runs();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const std::string run = fmt::format("datum.run === {}", vega_string(c.labels[i]));
    json dots = position(), crosses = position();
    dots["color"] = {{"field", "offer_end"}, {"type", "quantitative"},
                     {"title", "technical profiles"},
                     {"scale", {{"scheme", "blues"}, {"domainMin", 0}}}};
    const json tooltip = json::array({{{"field", "name"}, {"title", "location"}}, {{"field", "region"}},
                                      {{"field", "offer_start"}, {"title", "technical profiles, start"}, {"format", ".2~f"}},
                                      {{"field", "offer_end"}, {"title", "technical profiles, end"}, {"format", ".2~f"}},
                                      {{"field", "status"}}});
    dots["tooltip"] = tooltip, crosses["tooltip"] = tooltip;
    crosses["shape"] = {{"datum", "closed technical programmes"}, {"title", nullptr},
                        {"scale", {{"range", {"cross"}}}},
                        {"legend", {{"symbolFillColor", "#d62728"}, {"symbolStrokeColor", "#d62728"}}}};
    views.push_back(map_view(c.labels[i], json::array({outline_layer(),
        {{"data", {{"name", "locations"}}}, {"transform", filter(run)},
         {"mark", {{"type", "circle"}, {"size", 18}, {"opacity", 0.9}, {"stroke", "#6b7f93"}, {"strokeWidth", 0.3}}},
         {"encoding", dots}},
        {{"data", {{"name", "locations"}}}, {"transform", filter(run + " && datum.closed > 0.5")},
         {"mark", {{"type", "point"}, {"filled", true}, {"color", "#d62728"}, {"size", 45}}},
         {"encoding", crosses}}})));
  }
  json spec = {{"hconcat", views}, {"resolve", {{"scale", {{"color", "shared"}}}}}};
  return wide(chart("map_locations", "Map: vmbo locations, their technical offer and closures", {"outline", "locations"},
               spec,
               "Each dot is a location, coloured by the number of technical profiles it offers in the last year "
               "(mean over replicates); a red cross marks a location that closed technical programmes since the "
               "first year. Outline: Natural Earth (1:10m), from the world-atlas package."));
}

json regions_map(const Context& c) {
  json views = json::array();
  for (std::size_t i = 0; i < c.labels.size(); ++i) {
    const std::string run = fmt::format("datum.run === {}", vega_string(c.labels[i]));
    json circles = position(), rings = position();
    circles["color"] = {{"field", "share"}, {"type", "quantitative"},
                        {"title", "technical share (%)"}, {"scale", {{"scheme", "viridis"}}}};
    circles["size"] = {{"field", "students"}, {"type", "quantitative"}, {"title", "bovenbouw students"},
                       {"scale", {{"range", {20, 400}}}}};
    const json tooltip = json::array({{{"field", "name"}, {"title", "region"}}, {{"field", "code"}},
                                      {{"field", "share"}, {"title", "technical share (%)"}, {"format", ".1f"}},
                                      {{"field", "students"}, {"title", "bovenbouw students"}, {"format", ",.0f"}},
                                      {{"field", "techniekarm_replicates"}, {"title", "techniekarm in (share of replicates)"},
                                       {"format", ".2f"}}});
    circles["tooltip"] = tooltip, rings["tooltip"] = tooltip;
    rings["stroke"] = {{"field", "status"}, {"type", "nominal"}, {"title", nullptr},
                       {"scale", {{"domain", {"techniekarm"}}, {"range", {"#d62728"}}}}};
    views.push_back(map_view(c.labels[i], json::array({outline_layer(),
        {{"data", {{"name", "regions"}}}, {"transform", filter(run)},
         {"mark", {{"type", "circle"}, {"opacity", 0.85}}}, {"encoding", circles}},
        {{"data", {{"name", "regions"}}}, {"transform", filter(run + " && datum.status === 'techniekarm'")},
         {"mark", {{"type", "point"}, {"filled", false}, {"strokeWidth", 2.5}, {"size", 260}}},
         {"encoding", rings}}})));
  }
  json spec = {{"hconcat", views}, {"resolve", {{"scale", {{"color", "shared"}, {"size", "shared"}}}}}};
  return wide(chart("map_regions", "Map: regions, technical share and techniekarme regions", {"outline", "regions"}, spec,
               "Each circle is a region at the centre of its locations, sized by its beroepsgerichte bovenbouw "
               "students and coloured by their technical share in the last year (mean over replicates); a red ring "
               "marks a techniekarme region (technical share below monitor.techniekarm_share in at least half of "
               "the replicates). The model's regions have no drawn borders."));
}

json section(std::string id, std::string title, std::string intro, json items) {
  return {{"id", std::move(id)}, {"title", std::move(title)}, {"intro", std::move(intro)}, {"items", std::move(items)}};
}

}  // namespace

json sections(const Context& c, const json& datasets) {
  json out = json::array();
  const int first = c.runs.front().info().years.front(), last = c.runs.front().info().years.back();
  out.push_back(section("runs", "Runs", "", json::array({metadata_table(c)})));
  if (c.counterfactual) {
    json items = json::array({scorecard_chart(c), scorecard_table(c, datasets["scorecard"])});
    for (const Measure& m : effect_measures()) items.push_back(effect_chart(c, m));
    out.push_back(section("effects", fmt::format("Effects against {}", c.counterfactual_label()),
                          fmt::format("What the scenario changes, replicate by replicate: each replicate of the "
                                      "scenario and of {} drew the same random numbers, so their difference is the "
                                      "scenario's effect and not noise.",
                                      c.counterfactual_label()),
                          items));
  }
  json series_items = json::array();
  for (const Measure& m : series_measures()) series_items.push_back(series_chart(c, m));
  out.push_back(section("indicators", fmt::format("National indicators, {}–{}", first, last),
                        "Mean over replicates (line) and the range from the lowest to the highest replicate (band)."
                        + std::string(c.counterfactual ? " The counterfactual is grey and dashed." : ""),
                        series_items));
  out.push_back(section("triangle", "The STO triangle", "", json::array({triangle_national(c), triangle_regions(c)})));
  out.push_back(section("map", "Map", "", json::array({locations_map(c), regions_map(c)})));
  out.push_back(section("regions", "Regions", "", json::array({region_table(c)})));
  json texts = json::array();
  for (std::size_t i = 0; const ReportRun* r : c.all_runs())
    texts.push_back({{"kind", "text"}, {"id", fmt::format("scenario_{}", i)},
                     {"title", fmt::format("{}: the resolved scenario (every key, as run)", c.labels[i++])},
                     {"text", r->info().scenario_yaml}});
  out.push_back(section("scenarios", "Scenarios", "", texts));
  return out;
}

}  // namespace stosim::report
