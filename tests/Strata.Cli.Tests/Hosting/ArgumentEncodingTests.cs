using System.Text;
using Strata.Hosting;
using Strata.Hosting.CommandLine;

namespace Strata.Cli.Tests.Hosting;

/// <summary>
/// .NET replaces what is not UTF-8 in the process's arguments with U+FFFD; the raw command line tells a replacement
/// from a U+FFFD that was typed.
/// </summary>
public sealed class ArgumentEncodingTests
{
    private static byte[] CommandLine(params byte[][] strings) => [.. strings.SelectMany(static s => s.Append((byte)0))];

    [Fact]
    public void An_argument_whose_bytes_are_not_utf8_is_named_with_its_first_bad_byte()
    {
        var raw = CommandLine("dotnet"u8.ToArray(), "strata.dll"u8.ToArray(), "validate"u8.ToArray(), [.. "name=a"u8, 0xFF, .. "b"u8]);

        var problem = ArgumentEncoding.FindInvalidUtf8(["validate", "name=a\uFFFDb"], raw);

        Assert.Equal("argument #2: the argument is not valid UTF-8 (byte 0xFF at byte 7)", problem);
    }

    [Fact]
    public void A_replacement_character_typed_as_utf8_is_accepted()
    {
        var raw = CommandLine("strata"u8.ToArray(), "validate"u8.ToArray(), Encoding.UTF8.GetBytes("name=\uFFFD"));

        Assert.Null(ArgumentEncoding.FindInvalidUtf8(["validate", "name=\uFFFD"], raw));
    }

    [Fact]
    public void Arguments_that_are_not_the_process_command_line_are_never_blamed()
    {
        var raw = CommandLine("strata"u8.ToArray(), "resolve"u8.ToArray(), [.. "x="u8, 0xC3]);

        Assert.Null(ArgumentEncoding.FindInvalidUtf8(["validate", "x=\uFFFD"], raw));
        Assert.Null(ArgumentEncoding.FindInvalidUtf8(["a", "b", "c", "x=\uFFFD"], raw));
    }

    [Fact]
    public void Empty_arguments_keep_their_places()
    {
        var raw = CommandLine("strata"u8.ToArray(), [], [0xED, 0xA0, 0x80], []);

        Assert.Equal("argument #2: the argument is not valid UTF-8 (byte 0xED at byte 1)", ArgumentEncoding.FindInvalidUtf8([string.Empty, "\uFFFD\uFFFD\uFFFD", string.Empty], raw));
    }

    [Fact]
    public void Without_a_replacement_character_nothing_is_read()
    {
        Assert.Null(ArgumentEncoding.FindInvalidUtf8(["validate", "job", "name=é"]));
    }
}
