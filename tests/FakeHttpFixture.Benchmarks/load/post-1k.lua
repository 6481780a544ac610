-- wrk script: POST a 1 KiB body to /upload, as the BenchmarkDotNet Post1KiB scenario does.
wrk.method = "POST"
wrk.body = string.rep("x", 1024)
wrk.headers["Content-Type"] = "application/octet-stream"
