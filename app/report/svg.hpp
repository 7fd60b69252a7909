// Charts as inline SVG for the after-action report: drawn by rfsim, so the report needs no
// network or script at view time. Each chart is an <svg class="chart" id=...> element.
#pragma once

#include <string>
#include <vector>

namespace rfsim::app::report {

struct Series {
  std::string name;
  std::string colour;          // CSS colour
  std::vector<double> values;  // one per category (NaN: no value)
};

/// Stacked bars: one bar per category, one coloured segment per series, with a legend.
std::string stacked_bars(const std::string& id, const std::string& y_label,
                         const std::vector<std::string>& categories,
                         const std::vector<Series>& series);

/// Lines over categories; `reference` draws a dashed horizontal line when not NaN.
std::string line_chart(const std::string& id, const std::string& y_label,
                       const std::vector<std::string>& categories,
                       const std::vector<Series>& series, double reference,
                       const std::string& reference_label);

/// A histogram of counts in bins [edges[i], edges[i+1]); `marker` is a dashed vertical line
/// at that x value (the response standard), when not NaN.
std::string histogram(const std::string& id, const std::string& x_label,
                      const std::vector<double>& edges, const std::vector<double>& counts,
                      double marker, const std::string& marker_label);

/// Horizontal bars, one per label, in the order given.
std::string horizontal_bars(const std::string& id, const std::vector<std::string>& labels,
                            const std::vector<double>& values, const std::string& colour);

/// A box plot per group (whiskers at the 5th and 95th percentiles, box from the 25th to
/// the 75th, the median and the mean as a dot), side by side on one axis.
struct BoxStats {
  std::string label;
  double p5, p25, p50, p75, p95, mean;
};
std::string box_plots(const std::string& id, const std::string& title,
                      const std::vector<BoxStats>& boxes);

/// Text safe inside HTML and SVG.
std::string escape(const std::string& s);

}  // namespace rfsim::app::report
