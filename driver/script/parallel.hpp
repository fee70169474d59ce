#pragma once
// Runs independent pieces of work (reading and parsing the .mig files) on a
// few threads. Results go to slots indexed by item, so the output never
// depends on the number of threads or on scheduling.
#include <cstddef>
#include <functional>

namespace retort::driver {

// Threads to use: $RETORT_JOBS when it is a number from 1 to 64, else the
// number of cores, at most 8.
unsigned worker_count();

// Calls work(item, worker) for every item in [0, count), worker in
// [0, workers). Items are handed out in small batches; with one worker, or
// few items, everything runs on the calling thread.
void parallel_for(std::size_t count, unsigned workers,
                  const std::function<void(std::size_t item, unsigned worker)>& work);

}  // namespace retort::driver
