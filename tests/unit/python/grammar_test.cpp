// The Python grammar has no rule that can loop without consuming input.
#include <catch2/catch.hpp>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/python/statements.hpp"

TEST_CASE("the Python grammar passes PEGTL's analysis", "[python][grammar]") {
    CHECK(tao::pegtl::analyze<retort::grammar::python::line>(1) == 0);
}
