// The tests start clusters and time failovers on a small machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
