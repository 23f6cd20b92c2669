using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CoproCommissioning.Web.Testing;

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer package), in the test process: what the app's outbox worker
/// sends over SMTP arrives here, parsed, as a mail server would receive it. It can also refuse every message, as a mail
/// server that is down or rejecting would. Give the app <see cref="AppSettings"/> before it starts.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private int _refusals;
    private volatile bool _refusing;

    private LoopbackSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>While true, every message is refused, after its text is sent, with a "service unavailable" reply naming its recipient.</summary>
    public bool Refusing
    {
        get => _refusing;
        set => _refusing = value;
    }

    /// <summary>How many messages were refused.</summary>
    public int Refusals => Volatile.Read(ref _refusals);

    /// <summary>Every message accepted, in the order it arrived.</summary>
    public IReadOnlyList<MimeMessage> Received => [.. _received];

    /// <summary>The app's settings that send its email here, without TLS (loopback only).</summary>
    public IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>
    {
        ["Email:Delivery"] = "Smtp",
        ["Email:SmtpHost"] = IPAddress.Loopback.ToString(),
        ["Email:SmtpPort"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:SmtpUseStartTls"] = "false",
    };

    public static LoopbackSmtpServer Start()
    {
        // A port the system says is free now; nothing else on this machine asks for one between here and the bind.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LoopbackSmtpServer(port);
    }

    /// <summary>The messages received for one address (any case).</summary>
    public IReadOnlyList<MimeMessage> ReceivedFor(string address) =>
        [.. Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }

        _stop.Dispose();
    }

    private sealed class Store(LoopbackSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (server.Refusing)
            {
                Interlocked.Increment(ref server._refusals);
                // Naming the recipient, as real servers' refusals often do.
                var to = string.Join(", ", transaction.To.Select(m => $"{m.User}@{m.Host}"));
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.ServiceUnavailable, $"Mail for {to} is refused for now, try again later"));
            }

            using var stream = new MemoryStream(buffer.ToArray());
            server._received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
