namespace VisionEHalsa.Security.Tests;

/// <summary>API9 (improper inventory): every endpoint and route is known and classified, and the gateway fronts each service endpoint.</summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class InventoryTests(SecuredPlatform platform)
{
    [Fact]
    public async Task Every_endpoint_every_process_documents_is_classified_and_the_table_names_no_endpoint_that_is_gone()
    {
        var documented = await ApiInventory.EndpointsAsync(platform.Processes);

        var unclassified = documented.Where(e => EndpointTable.Find(e) is null).Select(e => e.ToString()).ToList();
        var gone = EndpointTable.All.Select(c => c.Endpoint).Except(documented).Select(e => e.ToString()).ToList();

        Assert.True(unclassified.Count == 0, "Classify in EndpointTable: " + string.Join(", ", unclassified));
        Assert.True(gone.Count == 0, "No process documents these any more; remove them from EndpointTable: " + string.Join(", ", gone));
    }

    [Fact]
    public void Every_gateway_route_is_classified_and_names_the_policy_of_its_class()
    {
        var policies = new Dictionary<Access, string>
        {
            [Access.Public] = "anonymous",
            [Access.Authenticated] = "authenticated",
            [Access.Kansli] = "kansli",
            [Access.Operations] = "operations",
            [Access.Admin] = "admin",
        };

        foreach (var route in ApiInventory.Routes())
        {
            Assert.True(EndpointTable.Routes.TryGetValue(route.Id, out var access), $"Classify gateway route {route.Id} in EndpointTable.Routes");
            Assert.Equal(policies[access], route.Policy);
        }

        Assert.Equal(EndpointTable.Routes.Keys.Order(), ApiInventory.Routes().Select(r => r.Id).Order());
    }

    [Fact]
    public void Every_service_endpoint_is_reached_through_one_gateway_route_to_its_own_service()
    {
        var routes = ApiInventory.Routes();
        var faults = new List<string>();
        foreach (var endpoint in EndpointTable.All.Select(c => c.Endpoint).Where(e => e.Process != "gateway"))
        {
            if (ApiInventory.GatewayPath(endpoint, endpoint.Path) is not { } path)
            {
                continue;
            }

            var route = ApiInventory.RouteOf(routes, endpoint.Method, path);
            if (route?.Cluster != endpoint.Process)
            {
                faults.Add($"{endpoint} → {route?.Id ?? "no single route"}");
            }
        }

        Assert.True(faults.Count == 0, string.Join("; ", faults));
    }
}
