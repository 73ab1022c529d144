package innopoints.app.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {
    @Bean
    OpenAPI innopointsApi() {
        return new OpenAPI().info(new Info().title("南通企业科技创新积分平台 API").version("1")
                .description("""
                        政策清单、企业名录、政策计算器与主动筛查的接口。登录方式：浏览器会话（写操作需带 X-CSRF-TOKEN，令牌见 GET /api/me）\
                        或 HTTP Basic。所有错误均为 RFC 9457 problem details：type、title、status、detail（中文说明）、instance，\
                        输入错误另有 errors 数组，每项为 {field, message}。"""));
    }
}
