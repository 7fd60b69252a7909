// A batch of filled triangles in one colour-per-vertex array: lines of any width, dashes,
// polygons, discs. Render's layers build one per layer and draw it in a single call.
#pragma once

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <vector>

namespace rfsim::render {

/// Geometry batch. Units are whatever the caller draws in: pixels for overlays, plane
/// kilometres for cached layers.
///   Canvas c;  c.line({0, 0}, {100, 50}, 2, sf::Color::Black);  target.draw(c.vertices());
class Canvas {
 public:
  Canvas() : v_(sf::Triangles) {}

  void clear() { v_.clear(); }
  const sf::VertexArray& vertices() const { return v_; }
  sf::VertexArray& vertices() { return v_; }

  void triangle(sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Color col);
  void quad(sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Vector2f d, sf::Color col);
  void rect(sf::Vector2f top_left, sf::Vector2f size, sf::Color col);
  void rect_outline(sf::Vector2f top_left, sf::Vector2f size, float width, sf::Color col);
  /// A convex polygon (or one star-shaped about its first point), as a fan.
  void convex(const std::vector<sf::Vector2f>& pts, sf::Color col);
  void disc(sf::Vector2f centre, float radius, sf::Color col, int segments = 20);
  void ellipse_outline(sf::Vector2f centre, sf::Vector2f radii, float width, sf::Color col,
                       int segments = 24);
  /// A straight segment `width` wide; `cap` extends each end by half the width (square cap).
  void line(sf::Vector2f a, sf::Vector2f b, float width, sf::Color col, bool cap = false);
  /// A polyline with round joins when `round` (needed for thick lines, wasteful for thin).
  void polyline(const std::vector<sf::Vector2f>& pts, float width, sf::Color col,
                bool closed = false, bool round = false);
  /// A dashed polyline; the pattern runs on across vertices.
  void dashed(const std::vector<sf::Vector2f>& pts, float width, float dash, float gap,
              sf::Color col);

 private:
  sf::VertexArray v_;
};

}  // namespace rfsim::render
