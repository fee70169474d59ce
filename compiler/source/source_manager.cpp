#include "compiler/source/source_manager.hpp"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>

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
    std::uint32_t column = 1;
    for (std::uint32_t i = start; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
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

const SourceFile* SourceManager::load(const std::string& path, const std::string& display_name,
                                      std::string& error) {
    // Fast path for regular files: one open, fstat and read into a string of
    // the file's size. Anything unusual falls back to the stream code below.
    {
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            struct stat st;
            if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
                std::string text(static_cast<std::size_t>(st.st_size), '\0');
                std::size_t got = 0;
                bool ok = true;
                while (got < text.size()) {
                    ssize_t n = ::read(fd, text.data() + got, text.size() - got);
                    if (n < 0) {
                        if (errno == EINTR) continue;
                        ok = false;
                        break;
                    }
                    if (n == 0) break;
                    got += static_cast<std::size_t>(n);
                }
                if (ok && got == text.size()) {
                    // The file may have grown since fstat: read to the end.
                    char extra[4096];
                    for (;;) {
                        ssize_t n = ::read(fd, extra, sizeof extra);
                        if (n < 0) {
                            if (errno == EINTR) continue;
                            ok = false;
                            break;
                        }
                        if (n == 0) break;
                        text.append(extra, static_cast<std::size_t>(n));
                    }
                }
                if (ok) {
                    if (got < static_cast<std::size_t>(st.st_size)) text.resize(got);
                    ::close(fd);
                    return &add(path, display_name, std::move(text));
                }
            }
            ::close(fd);
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read file";
        return nullptr;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        error = "error while reading file";
        return nullptr;
    }
    return &add(path, display_name, std::move(buffer).str());
}

const SourceFile& SourceManager::add(std::string path, std::string display_name, std::string text) {
    auto id = static_cast<FileId>(files_.size());
    files_.push_back(std::make_unique<SourceFile>(id, std::move(path), std::move(display_name),
                                                  std::move(text)));
    return *files_.back();
}

}  // namespace retort
