// The theatre's regions and links as a Boost.Graph graph, for the code that runs graph
// algorithms on it (routing). Kept out of map/theatre.hpp, which nearly every file includes:
// Boost.Graph's headers cost each file that reads them 1.7 s of compile time.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include "map/theatre.hpp"

namespace rfsim::map {

struct RegionProps {
  RegionId id = 0;
};
struct LinkProps {
  LinkId id = 0;  // initialised: Boost.Graph default-constructs it when copying a graph
};
using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, RegionProps, LinkProps>;

struct TheatreGraph {
  Graph g;  // vertex r is region r; edge properties name the link
};

}  // namespace rfsim::map
