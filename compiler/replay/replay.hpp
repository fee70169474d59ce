#pragma once
// Replay of migrations over the schema model (issue 4). Placeholder until that work lands.
namespace retort::replay {}
