// Every test trains with libtorch on a 2-core machine; running them one at a time keeps each one fast.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
