using System.Text;
using Telemetry.Contract.Messages;

namespace Telemetry.Contract.Tests.Messages;

[TestClass]
public sealed class MessageHeadersTests
{
    [TestMethod]
    [DataRow(0L)]
    [DataRow(1L)]
    [DataRow(1_234_567_890_123L)]
    [DataRow(-42L)]
    [DataRow(long.MaxValue)]
    [DataRow(long.MinValue)]
    public void AFormattedValueParsesBackToItself(long value)
    {
        var bytes = MessageHeaders.Format(value);

        var parsed = MessageHeaders.TryParse(bytes, out var result);

        Assert.IsTrue(parsed);
        Assert.AreEqual(value, result);
    }

    [TestMethod]
    public void ValuesAreAsciiDecimalText()
    {
        var bytes = MessageHeaders.Format(1_234_567);

        Assert.AreEqual("1234567", Encoding.ASCII.GetString(bytes));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("abc")]
    [DataRow("12a")]
    [DataRow("12 ")]
    [DataRow(" 12")]
    [DataRow("1.5")]
    [DataRow("99999999999999999999")]
    public void TextThatIsNotAWholeDecimalIntegerIsRejected(string text)
    {
        var parsed = MessageHeaders.TryParse(Encoding.ASCII.GetBytes(text), out _);

        Assert.IsFalse(parsed, $"'{text}' parsed.");
    }
}
