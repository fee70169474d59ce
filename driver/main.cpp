#include <iostream>

#include "driver/cli.hpp"

int main(int argc, char** argv) { return retort::driver::run(argc, argv, std::cout, std::cerr); }
