#include "driver/command_line.hpp"

#include "driver/alembic_habits.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace po = boost::program_options;

namespace retort::driver {

void add_format_option(po::options_description& options, const char* help) {
    options.add_options()("format", po::value<std::string>()->value_name("FORMAT")->default_value("text"), help);
}

std::optional<std::string> format_of(Invocation& inv, const Parsed& p, const std::vector<std::string>& allowed,
                                     int& status) {
    std::string format = p.vm["format"].as<std::string>();
    for (const std::string& a : allowed)
        if (a == format) return format;
    std::string names;
    for (const std::string& a : allowed) names += (names.empty() ? "" : ", ") + a;
    status = usage_error(inv, "unknown --format '" + format + "' (known: " + names + ")");
    return std::nullopt;
}

Parsed parse_args(Invocation& inv, po::options_description& options, const Syntax& syntax) {
    Parsed p;
    options.add_options()("help,h", "show this help");
    po::options_description all;
    all.add(options);
    po::options_description hidden;
    po::positional_options_description positional;
    if (syntax.positional) {
        hidden.add_options()(syntax.positional, syntax.value ? syntax.value : po::value<std::vector<std::string>>());
        all.add(hidden);
        positional.add(syntax.positional, syntax.count);
    }
    try {
        po::store(po::command_line_parser(inv.args).options(all).positional(positional).run(), p.vm);
        po::notify(p.vm);
    } catch (const po::error& e) {
        p.status = usage_error(inv, e.what(), hint_for_args(inv.command, inv.args));
        return p;
    }
    if (p.vm.count("help")) {
        inv.out << "usage: " << syntax.usage << "\n\n" << syntax.about << "\n\n" << options;
        if (syntax.epilogue) inv.out << syntax.epilogue;
        p.status = exit_ok;
    }
    return p;
}

}  // namespace retort::driver
