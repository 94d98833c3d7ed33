package com.beershop.reco.delivery;

import com.azure.core.http.HttpClientProvider;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Rule test (no Entra ID here): mssql-jdbc's authentication=ActiveDirectoryDefault, which the workload-identity
 * component's URL uses, builds an azure-identity DefaultAzureCredential, and that credential reads the token file the
 * AKS webhook mounts through its WorkloadIdentityCredential. azure-identity is an optional dependency of the driver
 * ("Connect using Microsoft Entra authentication", learn.microsoft.com/sql/connect/jdbc/connecting-using-azure-active-directory-authentication),
 * so the jar must carry it at runtime.
 */
class EntraIdDriverTest {

    @Test
    void shouldShipTheAzureIdentityClassesTheDriverLoadsForWorkloadIdentity() {
        // given
        ClassLoader runtime = EntraIdDriverTest.class.getClassLoader();

        // when / then
        assertThatCode(() -> Class.forName("com.azure.identity.DefaultAzureCredentialBuilder", false, runtime))
                .doesNotThrowAnyException();
        assertThatCode(() -> Class.forName("com.azure.identity.WorkloadIdentityCredential", false, runtime))
                .doesNotThrowAnyException();
        // the HTTP client azure-core finds through its ServiceLoader: the JDK's, Netty left out of the jar
        assertThat(ServiceLoader.load(HttpClientProvider.class, runtime).stream().map(p -> p.type().getName()).toList())
                .singleElement().asString().contains("jdk");
    }
}
