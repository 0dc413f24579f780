namespace Specialized;

/// <summary>One parallel region of a factorization: parts that may run at the same time on different threads.</summary>
internal interface IParallelJob
{
    /// <summary>Runs part <paramref name="part"/> of the region.</summary>
    void Run(int part);
}
