using System.Threading;
using Orleans;

namespace Cluster;

/// <summary>
/// Counts the client's lost gateway connections. Orleans does not fail the calls that were in
/// flight on a connection that breaks; it leaves them to their timeout. The driver backs them up
/// as soon as this count moves instead.
/// </summary>
internal sealed class GatewayWatch
{
    private int _losses;

    public int Losses => Volatile.Read(ref _losses);

    public void OnGatewayCountChanged(object? sender, GatewayCountChangedEventArgs e)
    {
        if (e.NumberOfConnectedGateways < e.PreviousNumberOfConnectedGateways)
        {
            Interlocked.Increment(ref _losses);
        }
    }
}
