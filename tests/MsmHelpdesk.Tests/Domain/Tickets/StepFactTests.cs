using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Tests.Domain.Tickets;

public sealed class StepFactTests
{
    [Fact]
    public void ShouldTakeTheFactThePlaybookNamesAndFallBackToTheStepsWords()
    {
        var named = new Playbook(Cause.ExpiredCertificate, ["Minta surat dari KPP", "Cek ulang"])
        {
            Facts = [new PlaybookStepFact("Minta surat dari KPP", StepFact.CertificateIssued)],
        };

        Assert.Equal(StepFact.CertificateIssued, named.FactFor("Minta surat dari KPP"));
        Assert.Null(named.FactFor("Cek ulang"));
        Assert.Equal(StepFact.VisitScheduled, named.FactFor("Jadwalkan kunjungan ke KPP Pratama"));
        Assert.Equal(StepFact.CertificateIssued, StepFacts.Recognise("Kunjungan KPP selesai: sertifikat baru terbit"));
        Assert.Equal(StepFact.ClientCertificateUpdated, StepFacts.Recognise("Perbarui tanggal sertifikat di data klien"));
        Assert.Null(StepFacts.Recognise("Impor sertifikat baru di e-Faktur"));
    }

    [Fact]
    public void ShouldNameTheFactOfEachRenewalStepInTheDefaultPlaybook()
    {
        var expired = DefaultCatalogue.Create().Codes.Single(c => c.Code == "ETAX-40002").Playbooks.Single(p => p.Cause == Cause.ExpiredCertificate);

        Assert.Equal([null, null, StepFact.VisitScheduled, StepFact.CertificateIssued, null, null, StepFact.ClientCertificateUpdated],
            expired.Steps.Select(expired.FactFor));
    }
}
