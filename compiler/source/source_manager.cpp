#include "compiler/source/source_manager.hpp"

#include "compiler/source/utf8.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace retort {

SourceFile::SourceFile(FileId id, std::string path, std::string display_name, std::string text)
    : id_(id), path_(std::move(path)), display_(std::move(display_name)), text_(std::move(text)) {}

void SourceFile::index_lines() const {
    if (!line_starts_.empty()) return;
    line_starts_.push_back(0);
    for (std::uint32_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

LineCol SourceFile::line_col(std::uint32_t offset) const {
    index_lines();
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
    std::uint32_t start = line_starts_[line - 1];
    auto column = static_cast<std::uint32_t>(1 + utf8_length(std::string_view(text_).substr(start, offset - start)));
    return {line, column};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
    index_lines();
    if (line == 0 || line > line_starts_.size()) return {};
    std::uint32_t start = line_starts_[line - 1];
    std::uint32_t end = line < line_starts_.size() ? line_starts_[line] - 1
                                                   : static_cast<std::uint32_t>(text_.size());
    std::string_view view(text_);
    view = view.substr(start, end - start);
    if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
    return view;
}

namespace {

// Appends everything left in `fd` to `text`; false on a read error.
bool read_rest(int fd, std::string& text) {
    char chunk[65536];
    for (;;) {
        ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (n == 0) return true;
        text.append(chunk, static_cast<std::size_t>(n));
    }
}

}  // namespace

bool read_file(const std::string& path, std::string& text, std::string& error) {
    // open, read until read() returns 0, close: no stat and no stream.
    text.clear();
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return false;
    }
    bool ok = read_rest(fd, text);
    if (!ok) error = std::strerror(errno);
    ::close(fd);
    return ok;
}

const SourceFile* SourceManager::load(const std::string& path, const std::string& display_name,
                                      std::string& error) {
    std::string text;
    if (!read_file(path, text, error)) return nullptr;
    return &add(path, display_name, std::move(text));
}

const SourceFile& SourceManager::add(std::string path, std::string display_name, std::string text) {
    auto id = static_cast<FileId>(files_.size());
    files_.push_back(std::make_unique<SourceFile>(id, std::move(path), std::move(display_name),
                                                  std::move(text)));
    return *files_.back();
}

}  // namespace retort
