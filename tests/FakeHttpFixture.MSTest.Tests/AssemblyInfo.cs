// Eight workers, method by method, so that eight tests can hold their servers at the same time (ParallelServerTests);
// classes that share a server are [DoNotParallelize] because the shared server is reset before each of their tests.
[assembly: Parallelize(Workers = 8, Scope = ExecutionScope.MethodLevel)]
