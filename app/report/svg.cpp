// The SVG charts: axes with round ticks, bars, lines, boxes; sizes in CSS pixels, scaled by
// the viewBox so they fit the report's column.
#include "app/report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rfsim::app::report {
namespace {

constexpr double kW = 860, kH = 300;                                // the drawing's size
constexpr double kLeft = 62, kRight = 16, kTop = 16, kBottom = 46;  // room for axes and labels

std::string f(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string tick_label(double v) {
  char buf[32];
  if (std::fabs(v) >= 1000 || v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.3g", v);
  }
  return buf;
}

// A "nice" step so that [0, top] has about `n` ticks at 1, 2 or 5 times a power of ten.
double nice_step(double span, int n) {
  if (span <= 0) return 1;
  const double raw = span / n;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (raw <= m * mag) return m * mag;
  }
  return 10 * mag;
}

struct Axis {
  double lo, hi, step;
  double y(double v) const { return kTop + (kH - kTop - kBottom) * (1 - (v - lo) / (hi - lo)); }
};

Axis value_axis(double lo, double hi) {
  if (!(hi > lo)) hi = lo + 1;
  const double step = nice_step(hi - lo, 5);
  return Axis{std::floor(lo / step) * step, std::ceil(hi / step) * step, step};
}

std::string open_svg(const std::string& id, double h = kH) {
  return "<svg class=\"chart\" id=\"" + escape(id) + "\" viewBox=\"0 0 " + f(kW) + " " + f(h) +
         "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">\n";
}

std::string y_grid(const Axis& a, const std::string& label) {
  std::string out;
  for (double v = a.lo; v <= a.hi + a.step / 2; v += a.step) {
    const double y = a.y(v);
    out += "<line class=\"grid\" x1=\"" + f(kLeft) + "\" x2=\"" + f(kW - kRight) + "\" y1=\"" +
           f(y) + "\" y2=\"" + f(y) + "\"/>";
    out += "<text class=\"tick\" x=\"" + f(kLeft - 6) + "\" y=\"" + f(y + 4) +
           "\" text-anchor=\"end\">" + tick_label(v) + "</text>\n";
  }
  out += "<text class=\"axis-label\" transform=\"translate(14 " + f((kH - kBottom + kTop) / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">" + escape(label) + "</text>\n";
  return out;
}

// Category labels under the plot, thinned out so that they never overlap.
std::string x_labels(const std::vector<std::string>& cats, double x0, double slot) {
  std::string out;
  const std::size_t every =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(34.0 / slot)));
  for (std::size_t i = 0; i < cats.size(); i += every) {
    out += "<text class=\"tick\" x=\"" + f(x0 + (static_cast<double>(i) + 0.5) * slot) + "\" y=\"" +
           f(kH - kBottom + 16) + "\" text-anchor=\"middle\">" + escape(cats[i]) + "</text>";
  }
  return out + "\n";
}

std::string legend(const std::vector<Series>& series) {
  std::string out = "<div class=\"legend\">";
  for (const Series& s : series) {
    out += "<span><i style=\"background:" + s.colour + "\"></i>" + escape(s.name) + "</span>";
  }
  return out + "</div>\n";
}

}  // namespace

std::string escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string stacked_bars(const std::string& id, const std::string& y_label,
                         const std::vector<std::string>& categories,
                         const std::vector<Series>& series) {
  double top = 0;
  for (std::size_t i = 0; i < categories.size(); ++i) {
    double sum = 0;
    for (const Series& s : series) sum += std::isnan(s.values[i]) ? 0 : s.values[i];
    top = std::max(top, sum);
  }
  const Axis a = value_axis(0, top);
  const double slot =
      (kW - kLeft - kRight) / std::max<double>(1, static_cast<double>(categories.size()));
  std::string out = open_svg(id) + y_grid(a, y_label);
  for (std::size_t i = 0; i < categories.size(); ++i) {
    double base = 0;
    for (const Series& s : series) {
      const double v = std::isnan(s.values[i]) ? 0 : s.values[i];
      if (v <= 0) continue;
      const double y1 = a.y(base + v), y0 = a.y(base);
      out += "<rect class=\"bar\" data-series=\"" + escape(s.name) + "\" data-value=\"" +
             tick_label(v) + "\" x=\"" + f(kLeft + static_cast<double>(i) * slot + slot * 0.12) +
             "\" y=\"" + f(y1) + "\" width=\"" + f(slot * 0.76) + "\" height=\"" + f(y0 - y1) +
             "\" fill=\"" + s.colour + "\"><title>" +
             escape(categories[i] + ": " + s.name + " " + tick_label(v)) + "</title></rect>";
      base += v;
    }
    out += "\n";
  }
  out += x_labels(categories, kLeft, slot);
  out += "<line class=\"axis\" x1=\"" + f(kLeft) + "\" x2=\"" + f(kW - kRight) + "\" y1=\"" +
         f(a.y(0)) + "\" y2=\"" + f(a.y(0)) + "\"/></svg>\n";
  return out + legend(series);
}

std::string line_chart(const std::string& id, const std::string& y_label,
                       const std::vector<std::string>& categories,
                       const std::vector<Series>& series, double reference,
                       const std::string& reference_label) {
  double lo = std::isnan(reference) ? 1e300 : reference,
         hi = std::isnan(reference) ? -1e300 : reference;
  for (const Series& s : series) {
    for (double v : s.values) {
      if (std::isnan(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (lo > hi) lo = 0, hi = 1;
  const Axis a = value_axis(std::min(lo, 0.0), hi);
  const double slot =
      (kW - kLeft - kRight) / std::max<double>(1, static_cast<double>(categories.size()));
  std::string out = open_svg(id) + y_grid(a, y_label);
  if (!std::isnan(reference)) {
    out += "<line class=\"reference\" x1=\"" + f(kLeft) + "\" x2=\"" + f(kW - kRight) + "\" y1=\"" +
           f(a.y(reference)) + "\" y2=\"" + f(a.y(reference)) + "\"/><text class=\"note\" x=\"" +
           f(kW - kRight - 4) + "\" y=\"" + f(a.y(reference) - 5) + "\" text-anchor=\"end\">" +
           escape(reference_label) + "</text>\n";
  }
  for (const Series& s : series) {
    std::string pts;
    for (std::size_t i = 0; i < s.values.size(); ++i) {
      if (std::isnan(s.values[i])) continue;
      pts += f(kLeft + (static_cast<double>(i) + 0.5) * slot) + "," + f(a.y(s.values[i])) + " ";
    }
    out += "<polyline class=\"line\" data-series=\"" + escape(s.name) + "\" points=\"" + pts +
           "\" fill=\"none\" stroke=\"" + s.colour + "\"/>\n";
    for (std::size_t i = 0; i < s.values.size(); ++i) {
      if (std::isnan(s.values[i])) continue;
      out += "<circle class=\"point\" cx=\"" + f(kLeft + (static_cast<double>(i) + 0.5) * slot) +
             "\" cy=\"" + f(a.y(s.values[i])) + "\" r=\"3\" fill=\"" + s.colour + "\"><title>" +
             escape(categories[i] + ": " + tick_label(s.values[i])) + "</title></circle>";
    }
    out += "\n";
  }
  out += x_labels(categories, kLeft, slot) + "</svg>\n";
  return series.size() > 1 ? out + legend(series) : out;
}

std::string histogram(const std::string& id, const std::string& x_label,
                      const std::vector<double>& edges, const std::vector<double>& counts,
                      double marker, const std::string& marker_label) {
  const double top = counts.empty() ? 1 : *std::max_element(counts.begin(), counts.end());
  const Axis a = value_axis(0, top);
  const double x_lo = edges.front(), x_hi = edges.back();
  auto x = [&](double v) { return kLeft + (kW - kLeft - kRight) * (v - x_lo) / (x_hi - x_lo); };
  std::string out = open_svg(id) + y_grid(a, "responses");
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] <= 0) continue;
    out += "<rect class=\"bar\" data-value=\"" + tick_label(counts[i]) + "\" x=\"" +
           f(x(edges[i]) + 0.5) + "\" y=\"" + f(a.y(counts[i])) + "\" width=\"" +
           f(std::max(1.0, x(edges[i + 1]) - x(edges[i]) - 1)) + "\" height=\"" +
           f(a.y(0) - a.y(counts[i])) + "\" fill=\"#3b6ea5\"><title>" + tick_label(edges[i]) + "-" +
           tick_label(edges[i + 1]) + " h: " + tick_label(counts[i]) + "</title></rect>";
  }
  const double step = nice_step(x_hi - x_lo, 10);
  for (double v = std::ceil(x_lo / step) * step; v <= x_hi + 1e-9; v += step) {
    out += "<text class=\"tick\" x=\"" + f(x(v)) + "\" y=\"" + f(kH - kBottom + 16) +
           "\" text-anchor=\"middle\">" + tick_label(v) + "</text>";
  }
  out += "<text class=\"axis-label\" x=\"" + f((kLeft + kW - kRight) / 2) + "\" y=\"" + f(kH - 8) +
         "\" text-anchor=\"middle\">" + escape(x_label) + "</text>\n";
  if (!std::isnan(marker) && marker >= x_lo && marker <= x_hi) {
    out += "<line class=\"reference\" x1=\"" + f(x(marker)) + "\" x2=\"" + f(x(marker)) +
           "\" y1=\"" + f(kTop) + "\" y2=\"" + f(a.y(0)) + "\"/><text class=\"note\" x=\"" +
           f(x(marker) + 5) + "\" y=\"" + f(kTop + 12) + "\">" + escape(marker_label) + "</text>\n";
  }
  out += "<line class=\"axis\" x1=\"" + f(kLeft) + "\" x2=\"" + f(kW - kRight) + "\" y1=\"" +
         f(a.y(0)) + "\" y2=\"" + f(a.y(0)) + "\"/></svg>\n";
  return out;
}

std::string horizontal_bars(const std::string& id, const std::vector<std::string>& labels,
                            const std::vector<double>& values, const std::string& colour) {
  const double row = 24,
               h = kTop + row * static_cast<double>(std::max<std::size_t>(1, labels.size())) + 30;
  const double left = 170, right = kW - 60;
  const double top =
      values.empty() ? 1 : std::max(1.0, *std::max_element(values.begin(), values.end()));
  std::string out = open_svg(id, h);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const double y = kTop + row * static_cast<double>(i);
    const double w = (right - left) * values[i] / top;
    out += "<text class=\"tick\" x=\"" + f(left - 8) + "\" y=\"" + f(y + row * 0.65) +
           "\" text-anchor=\"end\">" + escape(labels[i]) +
           "</text><rect class=\"bar\" data-value=\"" + tick_label(values[i]) + "\" x=\"" +
           f(left) + "\" y=\"" + f(y + 3) + "\" width=\"" + f(std::max(w, 0.0)) + "\" height=\"" +
           f(row - 6) + "\" fill=\"" + colour + "\"/><text class=\"value\" x=\"" + f(left + w + 6) +
           "\" y=\"" + f(y + row * 0.65) + "\">" + tick_label(values[i]) + "</text>\n";
  }
  return out + "</svg>\n";
}

std::string box_plots(const std::string& id, const std::string& title,
                      const std::vector<BoxStats>& boxes) {
  double lo = 1e300, hi = -1e300;
  for (const BoxStats& b : boxes) {
    lo = std::min({lo, b.p5, b.mean});
    hi = std::max({hi, b.p95, b.mean});
  }
  if (lo > hi) lo = 0, hi = 1;
  const double pad = (hi - lo) * 0.08 + 1e-9;
  const Axis a = value_axis(lo - pad, hi + pad);
  const double slot =
      (kW - kLeft - kRight) / std::max<double>(1, static_cast<double>(boxes.size()));
  const double bw = std::min(90.0, slot * 0.5);
  std::string out = open_svg(id) + y_grid(a, title);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const BoxStats& b = boxes[i];
    const double cx = kLeft + (static_cast<double>(i) + 0.5) * slot;
    out += "<g class=\"box\" data-variant=\"" + escape(b.label) + "\" data-median=\"" +
           tick_label(b.p50) + "\"><title>" + escape(b.label) + ": median " + tick_label(b.p50) +
           ", mean " + tick_label(b.mean) + ", 5th-95th " + tick_label(b.p5) + "-" +
           tick_label(b.p95) + "</title>";
    out += "<line class=\"whisker\" x1=\"" + f(cx) + "\" x2=\"" + f(cx) + "\" y1=\"" +
           f(a.y(b.p95)) + "\" y2=\"" + f(a.y(b.p5)) + "\"/>";
    for (double v : {b.p5, b.p95}) {
      out += "<line class=\"whisker\" x1=\"" + f(cx - bw / 4) + "\" x2=\"" + f(cx + bw / 4) +
             "\" y1=\"" + f(a.y(v)) + "\" y2=\"" + f(a.y(v)) + "\"/>";
    }
    out += "<rect x=\"" + f(cx - bw / 2) + "\" y=\"" + f(a.y(b.p75)) + "\" width=\"" + f(bw) +
           "\" height=\"" + f(std::max(1.0, a.y(b.p25) - a.y(b.p75))) +
           "\" fill=\"#cfe0f3\" stroke=\"#3b6ea5\"/>";
    out += "<line class=\"median\" x1=\"" + f(cx - bw / 2) + "\" x2=\"" + f(cx + bw / 2) +
           "\" y1=\"" + f(a.y(b.p50)) + "\" y2=\"" + f(a.y(b.p50)) + "\"/>";
    out += "<circle cx=\"" + f(cx) + "\" cy=\"" + f(a.y(b.mean)) +
           "\" r=\"3.5\" fill=\"#c0392b\"/></g>\n";
  }
  std::vector<std::string> labels;
  for (const BoxStats& b : boxes) labels.push_back(b.label);
  return out + x_labels(labels, kLeft, slot) + "</svg>\n";
}

}  // namespace rfsim::app::report
