// Eight workers, so that eight tests can hold their servers at the same time (ParallelServerTests); fixtures that share a
// server stay non-parallel because the shared server is reset before each of their tests.
[assembly: LevelOfParallelism(8)]
