using System.Diagnostics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Strata.Provenance;
using Strata.Sources;

namespace Strata.Tests.Sources;

/// <summary>
/// Files are read through their handle at offsets (one allocation of the size the file's status gave, plus one byte);
/// whatever their size, the bytes read are the file's, and the size limit holds to the byte.
/// </summary>
public sealed class FileReadTests
{
    private static (bool Ok, byte[] Bytes, List<Diagnostic> Diagnostics) Read(string path, SourceLimits? limits = null)
    {
        var diagnostics = new List<Diagnostic>();
        var ok = FileInput.TryReadUtf8(path, SourceInfo.OfFile(path, checkpoint: false), limits ?? SourceLimits.Default, diagnostics, out var content);
        return (ok, content.ToArray(), diagnostics);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(65536)]
    [InlineData(1_000_003)]
    public void A_file_of_any_size_is_read_byte_for_byte(int size)
    {
        using var temp = new TempDirectory();
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, size).Select(static i => (char)('a' + (i % 26)))));
        var path = temp.WriteBytes("f.yaml", bytes);

        var (ok, read, diagnostics) = Read(path);

        Assert.True(ok);
        Assert.Empty(diagnostics);
        Assert.Equal(bytes, read);
    }

    [Fact]
    public void Any_utf8_text_is_read_back_without_its_byte_order_mark() =>
        Prop.ForAll(
                ArbMap.Default.ArbFor<NonNull<string>>(),
                ArbMap.Default.ArbFor<bool>(),
                static (text, bom) =>
                {
                    using var temp = new TempDirectory();
                    var utf8 = Encoding.UTF8.GetBytes(text.Get);
                    byte[] written = bom ? [0xEF, 0xBB, 0xBF, .. utf8] : utf8;
                    var path = temp.WriteBytes("t.yaml", written);
                    var (ok, read, _) = Read(path);
                    var expected = written.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? written[3..] : written;
                    return ok && read.AsSpan().SequenceEqual(expected);
                })
            .QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(100, 100, true)]
    [InlineData(101, 100, false)]
    public void The_size_limit_holds_to_the_byte(int size, long limit, bool readable)
    {
        using var temp = new TempDirectory();
        var path = temp.WriteBytes("l.yaml", Encoding.ASCII.GetBytes(new string('x', size)));

        var (ok, read, diagnostics) = Read(path, new SourceLimits { MaxFileBytes = limit });

        Assert.Equal(readable, ok);
        Assert.Equal(readable ? size : 0, read.Length);
        Assert.Equal(readable ? [] : [DiagnosticCodes.FileTooLarge], diagnostics.Select(static d => d.Code));
    }

    [Fact]
    public async Task A_fifo_with_a_writer_is_read_as_a_stream()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "fifo.yaml");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var text = "a: 1\n" + new string('#', 100_000) + "\n";
        // Opening a FIFO blocks until the other end opens: the writer runs on its own.
        var writer = Task.Run(() => File.WriteAllText(path, text), TestContext.Current.CancellationToken);

        var (ok, read, diagnostics) = Read(path);
        await writer;

        Assert.True(ok, string.Join("; ", diagnostics));
        Assert.Equal(text, Encoding.UTF8.GetString(read));
    }
}
