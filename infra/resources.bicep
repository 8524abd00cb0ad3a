// Everything WeatherFlow's container apps stand on. State lives in managed or persistent places only: the weatherdb
// in Azure Database for PostgreSQL (backups with point-in-time restore, TLS required, reachable from the apps'
// virtual network only), dataset files in a storage account of their own, the broker's and the cache's data on Azure
// Files shares, every secret in the key vault.
param location string
param tags object
param principalId string
param githubClientId string

@secure()
param githubClientSecret string
@secure()
param webUserTokenKey string
@secure()
param postgresPassword string
@secure()
param messagingPassword string
@secure()
param cachePassword string

param postgresServerName string
param postgresSkuName string
param postgresSkuTier string
param postgresStorageGb int
param postgresBackupRetentionDays int

var token = uniqueString(subscription().id, resourceGroup().id, location)
// The major version every test here runs against (Debian 12's PostgreSQL); tests/…/Deployment checks they agree.
var postgresVersion = '15'
var postgresAdministrator = 'weatherflow'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'mi-${token}'
  location: location
  tags: tags
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: replace('acr-${token}', '-', '')
  location: location
  tags: tags
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: false }
}

resource registryPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPull)
  scope: registry
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'law-${token}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

// The apps' network: the environment's subnet, and one delegated to the PostgreSQL server, which has no public endpoint.
resource network 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-${token}'
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] }
    subnets: [
      {
        name: 'apps'
        properties: {
          addressPrefix: '10.40.0.0/23'
          delegations: [{ name: 'apps', properties: { serviceName: 'Microsoft.App/environments' } }]
        }
      }
      {
        name: 'postgres'
        properties: {
          addressPrefix: '10.40.2.0/28'
          delegations: [{ name: 'postgres', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }]
        }
      }
    ]
  }
}

resource postgresDns 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'weatherflow-${token}.private.postgres.database.azure.com'
  location: 'global'
  tags: tags
}

resource postgresDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: postgresDns
  name: 'vnet-${token}'
  location: 'global'
  properties: {
    virtualNetwork: { id: network.id }
    registrationEnabled: false
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: empty(postgresServerName) ? 'psql-${token}' : postgresServerName
  location: location
  tags: tags
  sku: { name: postgresSkuName, tier: postgresSkuTier }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdministrator
    administratorLoginPassword: postgresPassword
    storage: { storageSizeGB: postgresStorageGb, autoGrow: 'Enabled' }
    // Automated daily backups with write-ahead logs kept in between: any second of the retention can be restored.
    backup: { backupRetentionDays: postgresBackupRetentionDays, geoRedundantBackup: 'Disabled' }
    network: {
      delegatedSubnetResourceId: network.properties.subnets[1].id
      privateDnsZoneArmResourceId: postgresDns.id
      publicNetworkAccess: 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
  }
  dependsOn: [postgresDnsLink]
}

// A server takes one change at a time, so its settings and the database are made one after the other.
resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: postgres
  name: 'require_secure_transport'
  properties: { value: 'on', source: 'user-override' }
}

// The history's text search index needs pg_trgm, which Azure lets a database create only once it is listed here.
resource allowedExtensions 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: postgres
  name: 'azure.extensions'
  properties: { value: 'PG_TRGM', source: 'user-override' }
  dependsOn: [requireTls]
}

resource weatherdb 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: 'weatherdb'
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
  dependsOn: [allowedExtensions]
}

resource environment 'Microsoft.App/managedEnvironments@2025-01-01' = {
  name: 'cae-${token}'
  location: location
  tags: tags
  properties: {
    vnetConfiguration: {
      infrastructureSubnetId: network.properties.subnets[0].id
      internal: false
    }
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }]
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

// The broker's messages and the cache's snapshots outlive any replica, restart or revision on these shares.
resource volumes 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: replace('vol-${token}', '-', '')
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }

  resource files 'fileServices' = {
    name: 'default'

    resource messagingData 'shares' = {
      name: 'messaging-data'
      properties: { shareQuota: 16 }
    }

    resource cacheData 'shares' = {
      name: 'cache-data'
      properties: { shareQuota: 16 }
    }
  }
}

// Dataset files ("blobs"): never public, HTTPS and TLS 1.2 only. The apps sign in with the account key of a connection
// string, as they do with Azurite locally, so shared keys stay allowed.
resource blobs 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: replace('blobs-${token}', '-', '')
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
    allowSharedKeyAccess: true
  }
}

resource messagingVolume 'Microsoft.App/managedEnvironments/storages@2025-01-01' = {
  parent: environment
  name: 'messaging-data'
  properties: {
    azureFile: {
      accountName: volumes.name
      accountKey: volumes.listKeys().keys[0].value
      shareName: volumes::files::messagingData.name
      accessMode: 'ReadWrite'
    }
  }
}

resource cacheVolume 'Microsoft.App/managedEnvironments/storages@2025-01-01' = {
  parent: environment
  name: 'cache-data'
  properties: {
    azureFile: {
      accountName: volumes.name
      accountKey: volumes.listKeys().keys[0].value
      shareName: volumes::files::cacheData.name
      accessMode: 'ReadWrite'
    }
  }
}

// The container apps read their secrets from here through the managed identity; none is written into an app.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${token}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

resource vaultOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(vault.id, principalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    principalId: principalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
  }
}

var managementHost = 'messaging.${environment.properties.defaultDomain}'
var secrets = {
  // VerifyFull: encrypted, and the server's certificate checked against the image's CA bundle. A pool of at most 10
  // per process: a Burstable B1ms server takes 35 connections from users.
  'connectionstrings--weatherdb': 'Host=${postgres.properties.fullyQualifiedDomainName};Port=5432;Database=${weatherdb.name};Username=${postgresAdministrator};Password=${postgresPassword};SSL Mode=VerifyFull;Maximum Pool Size=10'
  'connectionstrings--cache': 'cache:6379,password=${cachePassword}'
  'connectionstrings--messaging': 'amqp://guest:${uriComponent(messagingPassword)}@messaging:5672'
  'connectionstrings--blobs': 'DefaultEndpointsProtocol=https;AccountName=${blobs.name};AccountKey=${blobs.listKeys().keys[0].value};EndpointSuffix=${az.environment().suffixes.storage}'
  'messaging-password': messagingPassword
  'cache-password': cachePassword
  'web-user-token-key': webUserTokenKey
  // KEDA reads queue lengths from the broker's management API at its HTTPS ingress (it cannot reach the
  // environment-internal AMQP port: microsoft/azure-container-apps#547).
  'keda-rabbitmq-host': 'https://guest:${uriComponent(messagingPassword)}@${managementHost}'
}

// Written out, not objectKeys(secrets): a loop's length must be known before the server exists.
var secretNames = [
  'connectionstrings--weatherdb'
  'connectionstrings--cache'
  'connectionstrings--messaging'
  'connectionstrings--blobs'
  'messaging-password'
  'cache-password'
  'web-user-token-key'
  'keda-rabbitmq-host'
]

resource vaultSecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for name in secretNames: {
  parent: vault
  name: name
  properties: { value: secrets[name] }
}]

resource githubSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(githubClientId)) {
  parent: vault
  name: 'github-client-secret'
  properties: { value: githubClientSecret }
}

output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.properties.loginServer
output AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID string = identity.id
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = environment.id
output AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN string = environment.properties.defaultDomain
output AZURE_KEY_VAULT_ENDPOINT string = vault.properties.vaultUri
output AZURE_POSTGRES_SERVER_NAME string = postgres.name
output WEATHERDB_HOST string = postgres.properties.fullyQualifiedDomainName
output SERVICE_MESSAGING_VOLUME_DATA_NAME string = messagingVolume.name
output SERVICE_CACHE_VOLUME_DATA_NAME string = cacheVolume.name
