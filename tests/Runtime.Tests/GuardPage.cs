using System;
using System.Runtime.InteropServices;
using Xunit;

namespace Specialized.Runtime.Tests;

/// <summary>
/// Memory that ends exactly where an inaccessible page begins (Linux mmap + mprotect): a kernel that
/// reads one element past its span kills the test process instead of reading a neighbour unnoticed.
/// </summary>
internal static unsafe class GuardPage
{
    private const int ProtRead = 1, ProtWrite = 2, ProtNone = 0, MapPrivate = 0x02, MapAnonymous = 0x20;

    /// <summary>length elements that end where a PROT_NONE page starts.</summary>
    internal sealed class PageEndSpan<T> : IDisposable
        where T : unmanaged
    {
        private readonly nint _base;
        private readonly nuint _size;
        private readonly int _length;
        private readonly T* _start;

        public PageEndSpan(int length, int page)
        {
            int bytes = length * sizeof(T);
            int dataPages = (bytes + page - 1) / page;
            _size = (nuint)((dataPages + 1) * page);
            _base = Mmap(0, _size, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
            Assert.NotEqual(-1, (long)_base);
            nint guard = _base + dataPages * page;
            Assert.Equal(0, Mprotect(guard, (nuint)page, ProtNone));
            _start = (T*)(guard - bytes);
            _length = length;
        }

        public Span<T> Span => new(_start, _length);

        public void Dispose() => Munmap(_base, _size);
    }

    [DllImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static extern nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    private static extern int Mprotect(nint address, nuint length, int protection);

    [DllImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static extern int Munmap(nint address, nuint length);
}
