// Parsing `--vary` and applying each setting to a scenario (fresh runs) or as an inject
// (runs resumed from a save, whose world already exists).
#include "app/batch/variants.hpp"

#include <charconv>

#include "app/errors.hpp"

namespace rfsim::app::batch {
namespace {

struct Spec {
  std::string param;
  std::vector<std::string> values;
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (true) {
    const std::size_t at = s.find(sep, from);
    out.push_back(s.substr(from, at - from));
    if (at == std::string::npos) return out;
    from = at + 1;
  }
}

[[noreturn]] void bad_value(const std::string& param, const std::string& value,
                            const std::string& accepted) {
  throw InputError("--vary " + param + ": bad value \"" + value + "\": expected " + accepted);
}

std::string nation_codes(const sim::Scenario& s) {
  std::string out = "none";
  for (const sim::Nation& n : s.nations) out += ", " + n.code;
  return out;
}

// Applies one setting to `v`, checking the value. Everything a param can be is decided here.
void apply(Variant& v, const std::string& param, const std::string& value) {
  sim::Scenario& s = v.scenario;
  sim::Inject in;
  in.note = "batch variant " + param + "=" + value;
  if (param == "us_support") {
    const auto us = sim::us_support_from(value);
    if (!us) bad_value(param, value, sim::names_of_us_support());
    s.us_support = *us;
    in.kind = sim::InjectKind::SetUsSupport;
    in.us = *us;
    v.at_resume.push_back(in);
  } else if (param == "regime") {
    const auto r = sim::regime_from(value);
    if (!r) bad_value(param, value, sim::names_of_regimes());
    s.regime = *r;
    in.kind = sim::InjectKind::SetRegime;
    in.regime = *r;
    v.at_resume.push_back(in);
  } else if (param == "response_standard" || param == "length") {
    sim::Duration d;
    try {
      d = sim::parse_duration(value);
    } catch (const std::invalid_argument& e) {
      bad_value(param, value, std::string("a duration such as 6h or 30d (") + e.what() + ")");
    }
    if (d <= sim::Duration()) bad_value(param, value, "a duration above zero, such as 6h or 30d");
    (param == "length" ? s.length : s.response_standard) = d;
  } else if (param == "cameras_per_sector") {
    int n = -1;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || n < 0 || n > 100) {
      bad_value(param, value, "a whole number from 0 to 100");
    }
    s.cameras_per_sector = n;
  } else if (param == "withdraw") {
    if (value == "none") return;
    std::uint32_t nation = 0;
    while (nation < s.nations.size() && s.nations[nation].code != value) ++nation;
    if (nation == s.nations.size()) bad_value(param, value, "a nation code: " + nation_codes(s));
    in.kind = sim::InjectKind::NationWithdraws;
    in.nation = nation;
    v.at_resume.push_back(in);
    // Withdrawn from the start: the first line of the MSEL, before any other at t = 0.
    s.injects.insert(s.injects.begin(), in);
  } else if (param == "coalition") {
    // The force's size and kind: as shipped, every other armed unit of each nation gone, or
    // only the unarmed monitoring part (teams, drones, AWACS, logistics) left.
    if (value != "shipped" && value != "half" && value != "observers") {
      bad_value(param, value, "shipped, half or observers");
    }
    if (value != "shipped") v.fresh_only = param + "=" + value;
    std::vector<sim::UnitSpec> kept;
    std::vector<int> armed_seen(s.nations.size(), 0);
    for (const sim::UnitSpec& u : s.units) {
      const bool coalition = s.nations[u.nation].side == sim::Side::Coalition;
      const bool monitor = u.type == sim::UnitType::MonitoringTeam ||
                           u.type == sim::UnitType::IsrDrone || u.type == sim::UnitType::Awacs ||
                           u.type == sim::UnitType::Logistics;
      const bool keep = !coalition || monitor || value == "shipped" ||
                        (value == "half" && armed_seen[u.nation]++ % 2 == 0);
      if (keep) kept.push_back(u);
    }
    s.units = std::move(kept);
  } else if (param == "caveats") {
    // The nations' caveats: as shipped, every coalition nation free to engage anywhere at once,
    // or all held to a show of force, twice as slow to approve and more often refusing.
    if (value != "shipped" && value != "permissive" && value != "restrictive") {
      bad_value(param, value, "shipped, permissive or restrictive");
    }
    if (value != "shipped") v.fresh_only = param + "=" + value;
    for (sim::Nation& n : s.nations) {
      if (n.side != sim::Side::Coalition || value == "shipped") continue;
      if (value == "permissive") {
        n.max_level = sim::ResponseLevel::Engage;
        n.allowed.clear();
        n.refusal = 0;
        n.approval_median = std::min(n.approval_median, sim::Duration::minutes(30));
      } else {
        n.max_level = std::min(n.max_level, sim::ResponseLevel::ShowOfForce);
        n.approval_median = n.approval_median * 2;
        n.refusal = std::max(n.refusal, 0.15);
      }
    }
  } else {
    throw InputError("--vary " + param + "=...: unknown param \"" + param + "\": expected one of " +
                     accepted_params());
  }
}

Spec parse_spec(const std::string& text) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw InputError("--vary " + text + ": expected PARAM=V1,V2,... with PARAM one of " +
                     accepted_params());
  }
  Spec spec{text.substr(0, eq), split(text.substr(eq + 1), ',')};
  for (const std::string& v : spec.values) {
    if (v.empty()) throw InputError("--vary " + text + ": an empty value in the list");
  }
  return spec;
}

}  // namespace

std::string accepted_params() {
  return "us_support, regime, response_standard, cameras_per_sector, withdraw (a nation code "
         "or none), length, coalition (shipped, half, observers), caveats (shipped, permissive, "
         "restrictive)";
}

std::vector<Variant> make_variants(const sim::Scenario& base,
                                   const std::vector<std::string>& vary) {
  std::vector<Variant> out{Variant{"base", {}, base, {}, {}}};
  std::vector<std::string> seen;
  for (const std::string& text : vary) {
    const Spec spec = parse_spec(text);
    for (const std::string& p : seen) {
      if (p == spec.param) throw InputError("--vary " + spec.param + ": given twice");
    }
    seen.push_back(spec.param);
    std::vector<Variant> next;
    for (const Variant& v : out) {
      for (const std::string& value : spec.values) {
        Variant w = v;
        apply(w, spec.param, value);
        w.settings.emplace_back(spec.param, value);
        next.push_back(std::move(w));
      }
    }
    out = std::move(next);
  }
  for (Variant& v : out) {
    if (v.settings.empty()) continue;
    v.label.clear();
    for (const auto& [p, value] : v.settings) {
      if (!v.label.empty()) v.label += ';';
      v.label += p + "=" + value;
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (out[i].label == out[j].label)
        throw InputError("--vary: variant " + out[i].label + " given twice");
    }
  }
  return out;
}

}  // namespace rfsim::app::batch
