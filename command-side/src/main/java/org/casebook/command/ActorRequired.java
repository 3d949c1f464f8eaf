package org.casebook.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.casebook.shared.actor.Actor;

/** Every change says who made it: a command that names no authenticated actor is refused. */
public class ActorRequired implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Actor.fromMetaData(unitOfWork.getMessage().getMetaData());
        return chain.proceed();
    }
}
