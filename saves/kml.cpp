// KML 2.2 of a GeoDocument, written by hand: a handful of element kinds, escaped for XML and
// checked in the tests by two readers (GDAL's KML and libkml drivers) and xmllint. libkml
// would bring a large unmaintained library for what these few hundred lines do.
#include <charconv>
#include <cstdio>

#include "saves/geo_document.hpp"

namespace rfsim::saves {
namespace {

// Text for XML 1.0 content and attributes. Control characters other than tab and line ends
// cannot appear in XML 1.0 at all, escaped or not: they become U+FFFD.
std::string xml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
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
      case '\'':
        out += "&apos;";
        break;
      default:
        if ((c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || c == 0x7F) {
          out += "\xEF\xBF\xBD";
        } else {
          out += ch;
        }
    }
  }
  return out;
}

// A coordinate to 6 decimals, without trailing zeros.
std::string number6(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", x);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string coordinate(map::LonLat p) {
  return number6(p.lon) + "," + number6(p.lat);
}

std::string coordinates(const std::vector<map::LonLat>& points, bool close) {
  std::string out = "<coordinates>";
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i > 0) out += ' ';
    out += coordinate(points[i]);
  }
  if (close && !points.empty()) out += " " + coordinate(points.front());
  return out + "</coordinates>";
}

std::string text_of(const GeoValue& v, UnixMs epoch) {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return "";
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(x);
        } else if constexpr (std::is_same_v<T, double>) {
          char buf[32];
          const auto r = std::to_chars(buf, buf + sizeof buf, x);
          return std::string(buf, r.ptr);
        } else if constexpr (std::is_same_v<T, sim::SimTime>) {
          return format_iso8601(on_calendar(epoch, x));
        } else {
          return x;
        }
      },
      v);
}

std::string when(sim::SimTime t, UnixMs epoch) {
  return format_iso8601(on_calendar(epoch, t));
}

void polygon(std::string& out, const map::Polygon& p) {
  out += "<Polygon><outerBoundaryIs><LinearRing>" + coordinates(p.outer, true) +
         "</LinearRing></outerBoundaryIs>";
  for (const map::Ring& h : p.holes) {
    out +=
        "<innerBoundaryIs><LinearRing>" + coordinates(h, true) + "</LinearRing></innerBoundaryIs>";
  }
  out += "</Polygon>";
}

void geometry(std::string& out, const GeoFeature& f, UnixMs epoch) {
  switch (f.shape) {
    case GeoShape::Point:
      out += "<Point>" + coordinates({f.points.at(0)}, false) + "</Point>";
      return;
    case GeoShape::LineString:
      if (f.times.size() == f.points.size()) {
        // A track: every <when> first, then every <gx:coord> (KML's gx:Track schema).
        out += "<gx:Track>";
        for (sim::SimTime t : f.times) out += "<when>" + when(t, epoch) + "</when>";
        for (const map::LonLat& p : f.points) {
          out += "<gx:coord>" + number6(p.lon) + " " + number6(p.lat) + " 0</gx:coord>";
        }
        out += "</gx:Track>";
      } else {
        out += "<LineString><tessellate>1</tessellate>" + coordinates(f.points, false) +
               "</LineString>";
      }
      return;
    case GeoShape::Polygon:
      if (f.polygons.size() == 1) {
        polygon(out, f.polygons[0]);
      } else {
        out += "<MultiGeometry>";
        for (const map::Polygon& p : f.polygons) polygon(out, p);
        out += "</MultiGeometry>";
      }
      return;
  }
}

void extended_data(std::string& out, const std::vector<GeoProperty>& properties, UnixMs epoch) {
  if (properties.empty()) return;
  out += "<ExtendedData>";
  for (const GeoProperty& p : properties) {
    out += "<Data name=\"" + xml(p.name) + "\"><value>" + xml(text_of(p.value, epoch)) +
           "</value></Data>";
  }
  out += "</ExtendedData>";
}

void placemark(std::string& out, const GeoFeature& f, UnixMs epoch) {
  out += "<Placemark><name>" + xml(f.name) + "</name>";
  if (f.time && f.time_end) {
    out += "<TimeSpan><begin>" + when(*f.time, epoch) + "</begin><end>" + when(*f.time_end, epoch) +
           "</end></TimeSpan>";
  } else if (f.time) {
    out += "<TimeStamp><when>" + when(*f.time, epoch) + "</when></TimeStamp>";
  }
  if (!f.style.empty()) out += "<styleUrl>#" + xml(f.style) + "</styleUrl>";
  extended_data(out, f.properties, epoch);
  geometry(out, f, epoch);
  out += "</Placemark>\n";
}

// Colours are aabbggrr. Friends blue and hostiles red, as APP-6 colours their frames.
constexpr const char* kStyles =
    "<Style id=\"friend\"><IconStyle><color>ffff8000</color><scale>0.8</scale></IconStyle>"
    "<LabelStyle><scale>0.7</scale></LabelStyle></Style>\n"
    "<Style id=\"hostile\"><IconStyle><color>ff0000ff</color><scale>0.8</scale></IconStyle>"
    "<LabelStyle><scale>0.7</scale></LabelStyle></Style>\n"
    "<Style id=\"violation\"><IconStyle><color>ff0080ff</color><scale>0.6</scale></IconStyle>"
    "<LabelStyle><scale>0</scale></LabelStyle></Style>\n"
    "<Style id=\"track\"><LineStyle><color>c0ff8000</color><width>2</width></LineStyle></Style>\n"
    "<Style id=\"contact\"><LineStyle><color>ff0000ff</color><width>3</width></LineStyle></Style>\n"
    "<Style id=\"cut\"><LineStyle><color>ff00ffff</color><width>4</width></LineStyle></Style>\n"
    "<Style id=\"region\"><LineStyle><color>80404040</color><width>1</width></LineStyle>"
    "<PolyStyle><color>200000ff</color></PolyStyle></Style>\n";

}  // namespace

std::string to_kml(const GeoDocument& doc, UnixMs epoch) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<kml xmlns=\"http://www.opengis.net/kml/2.2\" "
      "xmlns:gx=\"http://www.google.com/kml/ext/2.2\">\n"
      "<Document><name>" +
      xml(doc.title) + "</name>\n";
  out += kStyles;
  std::vector<GeoProperty> about = doc.about;
  about.push_back({"epoch", format_iso8601(epoch)});
  extended_data(out, about, epoch);
  out += "\n";
  for (const std::string& layer : doc.layers) {
    out += "<Folder><name>" + xml(layer) + "</name>\n";
    for (const GeoFeature& f : doc.features) {
      if (f.layer == layer) placemark(out, f, epoch);
    }
    out += "</Folder>\n";
  }
  out += "</Document>\n</kml>\n";
  return out;
}

}  // namespace rfsim::saves
