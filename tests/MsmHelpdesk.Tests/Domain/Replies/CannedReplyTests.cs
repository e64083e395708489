using MsmHelpdesk.Domain.Replies;

namespace MsmHelpdesk.Tests.Domain.Replies;

public sealed class CannedReplyTests
{
    [Fact]
    public void ShouldFillTheTicketsFieldsAndLeaveTheRestOfTheTextAsWritten()
    {
        var values = new Dictionary<string, string?>
        {
            ["client"] = "PT <b>Maju</b> Jaya",
            ["ticketNumber"] = "MSM-2026-000042",
            ["consultant"] = "Budi",
            ["cause"] = null,
        };

        var text = CannedReply.Render("Halo {{client}}, tiket {{ ticketNumber }} ({{TicketNumber}}) ditangani {{consultant}}; penyebab: {{cause}}. {{nanti}} {single}", values);

        Assert.Equal("Halo PT <b>Maju</b> Jaya, tiket MSM-2026-000042 (MSM-2026-000042) ditangani Budi; penyebab: –. {{nanti}} {single}", text);
    }

    [Fact]
    public void ShouldNameThePlaceholdersItDoesNotKnow()
    {
        Assert.Equal(["klien", "nomor"], CannedReply.UnknownFields("Halo {{klien}} {{client}} {{nomor}} {{klien}}"));
        Assert.Empty(CannedReply.UnknownFields("Halo {{client}}, {{status}}"));
        Assert.Empty(CannedReply.UnknownFields(null));
    }
}
