// The odds section: a short text per moment, and the fans as line charts (svg.hpp).
#include "app/report/odds_section.hpp"

#include <cstdio>
#include <limits>

#include "app/report/svg.hpp"

namespace rfsim::app::report {

std::string odds_section(const std::vector<batch::Odds>& odds, const std::string& file,
                         std::uint64_t game_seed) {
  std::string out =
      "<section id=\"odds\"><h2>Odds asked during the game</h2><p class=\"lead\">From " +
      escape(file) +
      ": at each moment a facilitator asked, futures of the game were played on from its "
      "state, doctrine deciding, each with its own draws (seeded by the game's seed and the "
      "moment). Lines: the median, the 25th and 75th percentiles (the 50% band) and the 5th "
      "and 95th (the 90% band) of each day over the futures.</p>\n";
  int k = 0;
  for (const batch::Odds& o : odds) {
    const std::string at = sim::format_clock(o.at);
    out += "<h3>From " + escape(at) + ": " + std::to_string(o.futures) + " futures of " +
           std::to_string(o.days) + " days</h3>\n";
    if (o.game_seed != game_seed) {
      out += "<p class=\"warning\">Asked of a game with another seed (" +
             std::to_string(o.game_seed) + ", this save's is " + std::to_string(game_seed) +
             "): these odds are not this game's.</p>\n";
    }
    const batch::BreakOdds& b = o.ceasefire_break;
    char text[200];
    if (b.applies) {
      std::snprintf(text, sizeof text,
                    "Ceasefire break within %d days: <b>%.0f%%</b> (95%% interval %.0f%% to "
                    "%.0f%%; %u of %u futures).",
                    o.days, 100 * b.p, 100 * b.ci_low, 100 * b.ci_high, b.breaks, b.futures);
    } else {
      std::snprintf(text, sizeof text, "No ceasefire was in force at that moment.");
    }
    out += std::string("<p>") + text + "</p>\n";
    std::vector<std::string> days;
    for (int d = 1; d <= o.days; ++d) days.push_back(std::to_string(d));
    for (const batch::Fan& f : o.fans) {
      std::vector<Series> s = {{"90% band, low", "#9cc3ea", {}},
                               {"50% band, low", "#4f8fd0", {}},
                               {"median", "#1b3a5c", {}},
                               {"50% band, high", "#4f8fd0", {}},
                               {"90% band, high", "#9cc3ea", {}}};
      for (const batch::Band& band : f.days) {
        s[0].values.push_back(band.p5);
        s[1].values.push_back(band.p25);
        s[2].values.push_back(band.p50);
        s[3].values.push_back(band.p75);
        s[4].values.push_back(band.p95);
      }
      out += "<h4>" + escape(f.title) + "</h4>\n" +
             line_chart("odds-" + std::to_string(k) + "-" + f.name, "day after " + at, days, s,
                        std::numeric_limits<double>::quiet_NaN(), "");
    }
    ++k;
  }
  return out + "</section>\n";
}

std::string with_section(std::string page, const std::string& section) {
  const std::size_t end = page.rfind("</main>");
  page.insert(end == std::string::npos ? page.size() : end, section);
  return page;
}

}  // namespace rfsim::app::report
