using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Erts.MLNet.Tests.Data.Download;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 serving a folder, with single-range <c>Range: bytes=N-</c> support, for downloader
/// tests without a network. Records every request's path and Range header.
/// </summary>
internal sealed class LoopbackFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;

    public LoopbackFileServer(string root)
    {
        _root = root;
        int port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/files/demo/1.0.0/");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Root of the served dataset, as a PhysioNet-like address.</summary>
    public Uri BaseUri { get; }

    /// <summary>(path relative to the dataset root, Range header or null) of every request, in order.</summary>
    public ConcurrentQueue<(string Path, string? Range)> Requests { get; } = new();

    /// <summary>When set, a file's response stops after this many bytes (an interrupted transfer).</summary>
    public long? CutAfterBytes { get; set; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            try { await RespondAsync(context); }
            catch (Exception e) when (e is HttpListenerException or IOException) { /* client went away */ }
            finally { context.Response.Close(); }
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        string requested = context.Request.Url!.AbsolutePath;
        string relative = requested.StartsWith(BaseUri.AbsolutePath, StringComparison.Ordinal)
            ? Uri.UnescapeDataString(requested[BaseUri.AbsolutePath.Length..])
            : requested;
        string? range = context.Request.Headers["Range"];
        Requests.Enqueue((relative, range));
        string file = Path.Combine(_root, relative);
        if (relative == requested || !File.Exists(file))
        {
            context.Response.StatusCode = 404;
            return;
        }

        byte[] bytes = await File.ReadAllBytesAsync(file);
        long start = 0;
        if (range != null && range.StartsWith("bytes=") && range.EndsWith('-'))
        {
            start = long.Parse(range["bytes=".Length..^1]);
            if (start >= bytes.Length)
            {
                context.Response.StatusCode = 416;
                return;
            }
            context.Response.StatusCode = 206;
            context.Response.Headers["Content-Range"] = $"bytes {start}-{bytes.Length - 1}/{bytes.Length}";
        }
        long count = bytes.Length - start;
        if (CutAfterBytes is long cut && cut < count)
        {
            // Announce the full length, send part of it, then drop the connection.
            context.Response.ContentLength64 = count;
            await context.Response.OutputStream.WriteAsync(bytes.AsMemory((int)start, (int)cut));
            await context.Response.OutputStream.FlushAsync();
            context.Response.Abort();
            return;
        }
        context.Response.ContentLength64 = count;
        await context.Response.OutputStream.WriteAsync(bytes.AsMemory((int)start, (int)count));
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
