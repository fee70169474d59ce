#include "driver/script/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace retort::driver {

unsigned worker_count() {
    if (const char* env = std::getenv("RETORT_JOBS")) {
        char* end = nullptr;
        long n = std::strtol(env, &end, 10);
        if (end != env && *end == '\0' && n >= 1 && n <= 64) return static_cast<unsigned>(n);
    }
    unsigned cores = std::thread::hardware_concurrency();
    return std::clamp(cores, 1u, 8u);
}

void parallel_for(std::size_t count, unsigned workers,
                  const std::function<void(std::size_t, unsigned)>& work) {
    constexpr std::size_t batch = 16;
    workers = static_cast<unsigned>(std::min<std::size_t>(workers, (count + batch - 1) / batch));
    if (workers <= 1) {
        for (std::size_t i = 0; i < count; ++i) work(i, 0);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;  // the first exception of any worker, rethrown here
    std::mutex failure_lock;
    auto run = [&](unsigned worker) {
        try {
            for (;;) {
                std::size_t first = next.fetch_add(batch);
                if (first >= count) return;
                std::size_t last = std::min(count, first + batch);
                for (std::size_t i = first; i < last; ++i) work(i, worker);
            }
        } catch (...) {
            next = count;  // the others stop at their next batch
            std::lock_guard<std::mutex> hold(failure_lock);
            if (!failure) failure = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(workers - 1);
    for (unsigned w = 1; w < workers; ++w) threads.emplace_back(run, w);
    run(0);
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace retort::driver
