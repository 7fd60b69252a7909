// Scenario -> TOML, every value in a form the loader reads back to the same bits (numbers in
// their shortest round-trip form, durations as format_duration prints them).
#include "sim/scenario_writer.hpp"

#include <charconv>
#include <string_view>

#include "sim/msel_toml.hpp"

namespace rfsim::sim {
namespace {

// The shortest decimal that reads back as the same double; a TOML integer when it is whole
// (the loader accepts both for a number).
std::string number(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

class Out {
 public:
  void key(std::string_view k, const std::string& value) {
    text_ += k;
    text_ += " = ";
    text_ += value;
    text_ += '\n';
  }
  void str(std::string_view k, std::string_view value) { key(k, toml_string(value)); }
  void line(std::string_view l) {
    text_ += l;
    text_ += '\n';
  }
  std::string& text() { return text_; }

 private:
  std::string text_;
};

void write_header(Out& o, const Scenario& s, const map::Theatre& theatre) {
  o.line("[scenario]");
  o.str("name", s.name);
  if (!s.description.empty()) o.str("description", s.description);
  o.key("seed", std::to_string(s.seed));
  o.str("length", format_duration(s.length));
  o.str("regime", to_string(s.regime));
  o.str("us_support", to_string(s.us_support));
  o.str("response_standard", format_duration(s.response_standard));
  o.str("hq", theatre.region(s.hq).id);
  o.key("cameras_per_sector", std::to_string(s.cameras_per_sector));
  o.str("decisions", to_string(s.decisions));
  // The lift's capacities only when not the defaults: older scenarios stay as they were written.
  const Scenario defaults;
  if (s.airlift_loads_per_day != defaults.airlift_loads_per_day) {
    o.key("airlift_loads_per_day", std::to_string(s.airlift_loads_per_day));
  }
  if (s.gauge_trains_per_day != defaults.gauge_trains_per_day) {
    o.key("gauge_trains_per_day", std::to_string(s.gauge_trains_per_day));
  }
}

void write_rates(Out& o, const Scenario& s) {
  const auto defaults = default_rates();
  for (std::size_t k = 0; k < kRedStepCount; ++k) {
    const StepRates& r = s.rates[k];
    const bool per_day = r.per_day != defaults[k].per_day;
    const bool shares = r.share != defaults[k].share;
    if (!per_day && !shares) continue;
    o.line("");
    o.line("[rates." + std::string(to_string(static_cast<RedStep>(k))) + "]");
    if (per_day) o.key("per_day", number(r.per_day));
    if (shares) {
      std::string list;
      for (std::size_t t = 0; t < kViolationTypeCount; ++t) {
        if (r.share[t] == 0) continue;
        list += (list.empty() ? "" : ", ") + std::string(to_string(static_cast<ViolationType>(t))) +
                " = " + number(r.share[t]);
      }
      o.key("shares", "{ " + list + " }");
    }
  }
}

void write_nations(Out& o, const Scenario& s, const map::Theatre& theatre) {
  for (const Nation& n : s.nations) {
    o.line("");
    o.line("[[nations]]");
    o.str("code", n.code);
    o.str("name", n.name);
    o.str("side", to_string(n.side));
    o.str("max_response", to_string(n.max_level));
    if (!n.allowed.empty()) {
      std::string list;
      for (const map::RegionId r : n.allowed) {
        list += (list.empty() ? "" : ", ") + toml_string(theatre.region(r).id);
      }
      o.key("allowed_regions", "[" + list + "]");
    }
    o.str("approval_median", format_duration(n.approval_median));
    o.key("approval_spread", number(n.approval_sigma));
    o.key("refusal", number(n.refusal));
    o.str("decisions", n.ask ? "ask" : "auto");
  }
}

void write_units(Out& o, const Scenario& s, const map::Theatre& theatre) {
  for (const UnitSpec& u : s.units) {
    o.line("");
    o.line("[[units]]");
    o.str("id", u.id);
    o.str("nation", s.nations.at(u.nation).code);
    o.str("type", to_string(u.type));
    o.key("strength", std::to_string(u.strength));
    o.str("home", theatre.region(u.home).id);
    o.str("mobility", to_string(u.mobility));
    o.str("notice", format_duration(u.notice));
    o.key("munitions", std::to_string(u.munitions));
    if (u.readiness != Readiness::InTheatre) {
      o.str("readiness", to_string(u.readiness));
      o.str("deploy_to", theatre.region(u.deploy_to).id);
      o.str("deploy_by", to_string(u.deploy_by));
    }
  }
}

}  // namespace

std::string write_scenario(const Scenario& s, const map::Theatre& theatre) {
  Out o;
  o.line("# A scenario written by rfsim's scenario editor (docs/scenario-format.md).");
  o.line("");
  write_header(o, s, theatre);
  write_rates(o, s);
  write_nations(o, s, theatre);
  write_units(o, s, theatre);
  if (!s.injects.empty()) {
    o.line("");
    o.text() += injects_to_toml(s.injects, s, theatre, "\n");
  }
  return std::move(o.text());
}

}  // namespace rfsim::sim
