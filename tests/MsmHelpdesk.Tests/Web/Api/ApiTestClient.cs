using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Features.ApiKeys;
using MsmHelpdesk.Domain.ApiKeys;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Web.Api;

/// <summary>Keys, clients and calls for the API tests: a key is written as the create command writes it.</summary>
public static class ApiTestClient
{
    public static async Task<string> CreateKeyAsync(HelpdeskWebFactory factory, string name = "Portal klien", string role = Roles.Consultant)
    {
        var key = ApiKeySecret.NewKey();
        await using var db = await factory.Services.GetRequiredService<IAppDbContextFactory>().CreateAsync();
        db.ApiKeys.Add(ApiKey.Create(name, role, ApiKeySecret.PrefixOf(key)!, ApiKeySecret.Hash(key), "test", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>Revokes the key as an Admin does on the keys page: through the command, which also drops it from the app's key cache.</summary>
    public static async Task RevokeAsync(HelpdeskWebFactory factory, string key)
    {
        var prefix = ApiKeySecret.PrefixOf(key);
        Guid id;
        await using (var db = await factory.Services.GetRequiredService<IAppDbContextFactory>().CreateAsync())
        {
            id = await db.ApiKeys.Where(k => k.Prefix == prefix).Select(k => k.Id).SingleAsync();
        }

        var revoked = await factory.SendAsAsync("admin-1", [Roles.Admin], new RevokeApiKeyCommand { Id = id });
        if (!revoked.IsSuccess)
        {
            throw new InvalidOperationException($"Revoking the key failed: {revoked.Error!.Message}");
        }
    }

    public static HttpClient WithKey(HelpdeskWebFactory factory, string? key)
    {
        var client = factory.Browser();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>A valid company NPWP (15 digits, Luhn check digit in place) that differs with <paramref name="n"/>.</summary>
    public static string Npwp(int n)
    {
        var firstEight = n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        return $"{firstEight}{MsmHelpdesk.Domain.Clients.Npwp.LuhnCheckDigit(firstEight)}407000";
    }

    public static string Formatted(string npwp) => MsmHelpdesk.Domain.Clients.Npwp.Parse(npwp).Npwp!.Formatted;

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<string> CreateClientAsync(HttpClient client, int n, string name = "PT Maju Jaya")
    {
        var npwp = Npwp(n);
        var response = await PostJsonAsync(client, "/api/v1/clients", new { name, npwp });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return npwp;
    }
}
